using System.Reflection;
using IntegrationGateway.ContractTool.Reports;

namespace IntegrationGateway.ContractTool.Rules;

/// <summary>
/// Every id the diff knows, read once from catalog.txt (embedded). Checks name ids, never levels: the level comes
/// from here, so the catalogue, --list-rules and the findings cannot disagree.
/// </summary>
public static class RuleCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, Rule>> ById = new(Load);

    public static IReadOnlyCollection<Rule> All => ById.Value.Values.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();

    public static bool Contains(string id) => ById.Value.ContainsKey(id);

    /// <summary>The default level of a known id; an unknown id is a bug in a check, so it throws.</summary>
    public static Level LevelOf(string id) =>
        ById.Value.TryGetValue(id, out var rule) ? rule.Level : throw new InvalidOperationException($"'{id}' is not in the rule catalogue");

    private static IReadOnlyDictionary<string, Rule> Load()
    {
        using var stream = typeof(RuleCatalog).Assembly.GetManifestResourceStream("IntegrationGateway.ContractTool.Rules.catalog.txt")
            ?? throw new InvalidOperationException("the rule catalogue is not embedded");
        using var reader = new StreamReader(stream);
        var rules = new Dictionary<string, Rule>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var fields = line.Split('\t');
            if (fields.Length < 3 || !Levels.TryParse(fields[1], out var level))
            {
                throw new InvalidDataException($"bad catalogue line: {line}");
            }
            rules.Add(fields[0], new Rule(fields[0], level, fields[2], fields.Length > 3 ? fields[3] : null));
        }
        return rules;
    }
}
