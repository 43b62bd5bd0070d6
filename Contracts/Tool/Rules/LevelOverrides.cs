using IntegrationGateway.ContractTool.Reports;

namespace IntegrationGateway.ContractTool.Rules;

/// <summary>
/// A levels file, like oasdiff's severity-levels file: one "id LEVEL" per line (ERR, WARN, INFO, or NONE to drop
/// the id), # for comments. It carries the places where a project deliberately differs from oasdiff's levels.
/// </summary>
public sealed class LevelOverrides
{
    private readonly Dictionary<string, Level?> levels;

    private LevelOverrides(Dictionary<string, Level?> levels) => this.levels = levels;

    public static LevelOverrides None { get; } = new([]);

    public int Count => levels.Count;

    public static LevelOverrides Parse(IEnumerable<string> lines, string name)
    {
        var levels = new Dictionary<string, Level?>(StringComparer.Ordinal);
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Split('#', 2)[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 2)
            {
                throw new InvalidDataException($"{name}:{number}: expected 'id LEVEL', got '{line}'");
            }
            if (!RuleCatalog.Contains(fields[0]))
            {
                throw new InvalidDataException($"{name}:{number}: unknown id '{fields[0]}' (see contract diff --list-rules)");
            }
            if (string.Equals(fields[1], "NONE", StringComparison.OrdinalIgnoreCase))
            {
                levels[fields[0]] = null;
            }
            else if (Levels.TryParse(fields[1], out var level))
            {
                levels[fields[0]] = level;
            }
            else
            {
                throw new InvalidDataException($"{name}:{number}: level must be ERR, WARN, INFO or NONE, got '{fields[1]}'");
            }
        }
        return new LevelOverrides(levels);
    }

    /// <summary>The findings with overridden levels; those set to NONE are dropped.</summary>
    public IEnumerable<Finding> Apply(IEnumerable<Finding> findings)
    {
        foreach (var finding in findings)
        {
            if (!levels.TryGetValue(finding.Id, out var level))
            {
                yield return finding;
            }
            else if (level is { } kept)
            {
                yield return finding with { Level = kept };
            }
        }
    }
}
