using IntegrationGateway.ContractTool.Diff;
using IntegrationGateway.ContractTool.Loading;
using IntegrationGateway.ContractTool.Reports;

namespace IntegrationGateway.Contracts.Tests.Diff;

/// <summary>
/// One labelled pair under Cases/NNN-name/: base and revision documents (YAML or JSON), expected.txt with one
/// "ID LEVEL METHOD PATH" line per finding (just "ID LEVEL" for document-wide ones, # for comments), and an
/// optional options.txt ("today: 2025-06-01", "across-versions: true").
/// </summary>
public sealed record DiffCase(string Name, string Directory)
{
    /// <summary>The day every case is judged on, so sunset dates in the cases never go stale.</summary>
    public static readonly DateOnly Today = new(2025, 6, 1);

    public static string Root => Path.Combine(AppContext.BaseDirectory, "Cases");

    public static IEnumerable<DiffCase> All() =>
        System.IO.Directory.GetDirectories(Root)
            .Order(StringComparer.Ordinal)
            .Select(d => new DiffCase(Path.GetFileName(d), d));

    public IReadOnlyList<string> Expected() =>
        File.ReadAllLines(Path.Combine(Directory, "expected.txt"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .Order(StringComparer.Ordinal)
            .ToList();

    public async Task<IReadOnlyList<Finding>> RunAsync()
    {
        var @base = await DocumentLoader.LoadFileAsync(Find("base"));
        var revision = await DocumentLoader.LoadFileAsync(Find("revision"));
        return DiffEngine.Compare(@base, revision, Options());
    }

    public static string Line(Finding finding) =>
        $"{finding.Id} {finding.Level.ToString().ToUpperInvariant()} {finding.Operation}".TrimEnd();

    private string Find(string stem) =>
        new[] { ".yaml", ".yml", ".json" }.Select(e => Path.Combine(Directory, stem + e)).FirstOrDefault(File.Exists)
        ?? throw new FileNotFoundException($"{Name} has no {stem}.yaml or {stem}.json");

    private DiffOptions Options()
    {
        var options = new DiffOptions { Today = Today };
        var file = Path.Combine(Directory, "options.txt");
        if (!File.Exists(file))
        {
            return options;
        }
        foreach (var line in File.ReadAllLines(file).Where(l => l.Contains(':')))
        {
            var (key, value) = (line[..line.IndexOf(':')].Trim(), line[(line.IndexOf(':') + 1)..].Trim());
            options = key switch
            {
                "today" => options with { Today = DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                "across-versions" => options with { AcrossVersions = bool.Parse(value) },
                _ => throw new InvalidDataException($"{Name}: unknown option {key}"),
            };
        }
        return options;
    }

    public override string ToString() => Name;
}
