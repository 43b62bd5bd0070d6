using System.Text;
using System.Text.RegularExpressions;

namespace IntegrationGateway.ProcessApis.Tests.Structure;

/// <summary>
/// Which folder of the process API uses which, read from the source: using directives that name another folder's
/// namespace, references qualified with it, and the names of the types declared at the project root (visible from
/// every folder without a using, so only their names give them away).
/// </summary>
public sealed class FolderGraph
{
    private readonly SortedDictionary<string, SortedDictionary<string, SortedSet<string>>> _uses = new(StringComparer.Ordinal);

    /// <summary>Folder, the folders it uses, and the files through which it uses each.</summary>
    public IReadOnlyDictionary<string, SortedDictionary<string, SortedSet<string>>> Uses => _uses;

    public static FolderGraph Of(IReadOnlyList<SourceFile> files)
    {
        var graph = new FolderGraph();
        var folders = files.Select(f => f.Folder).Where(f => f != SourceFile.Root).Distinct().ToList();
        var usings = new Regex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?(?:global::)?IntegrationGateway\.ProcessApis\.(?<folder>\w+)", RegexOptions.Multiline);
        var qualified = new Regex($@"(?<![\w.])(?:global::)?(?:IntegrationGateway\.ProcessApis\.)?(?<folder>{string.Join('|', folders.Select(Regex.Escape))})\.(?=[A-Za-z_])");
        var rootTypes = files.Where(f => f.Folder == SourceFile.Root)
            .SelectMany(f => Regex.Matches(f.Code, @"\b(?:class|record|struct|interface|enum)\s+(?<name>\w+)").Select(m => m.Groups["name"].Value))
            .Distinct().ToList();
        var rootType = new Regex($@"(?<!\w)(?:{string.Join('|', rootTypes.Select(Regex.Escape).DefaultIfEmpty("(?!)"))})\b");
        foreach (var file in files)
        {
            graph.Add(file.Folder, file.Path, string.Empty);
            var used = usings.Matches(file.Code).Concat(qualified.Matches(file.Code)).Select(m => m.Groups["folder"].Value).Where(folders.Contains);
            if (file.Folder != SourceFile.Root && rootType.IsMatch(file.Code))
            {
                used = used.Append(SourceFile.Root);
            }
            foreach (var folder in used.Where(u => u != file.Folder))
            {
                graph.Add(file.Folder, file.Path, folder);
            }
        }
        return graph;
    }

    /// <summary>The first cycle found, as the folders along it back to the first; null when every dependency goes one way.</summary>
    public IReadOnlyList<string>? FindCycle()
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var folder in _uses.Keys)
        {
            if (Walk(folder, done, path) is { } cycle)
            {
                return cycle;
            }
        }
        return null;
    }

    /// <summary>A cycle with the files that make each of its steps, so the message says what to move.</summary>
    public string Explain(IReadOnlyList<string> cycle) =>
        string.Join(Environment.NewLine, cycle.Zip(cycle.Skip(1), (from, to) => $"  {from} -> {to}: {string.Join(", ", _uses[from][to])}"));

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (folder, uses) in _uses)
        {
            text.AppendLine($"{folder} -> {(uses.Count == 0 ? "(nothing)" : string.Join(", ", uses.Keys))}");
        }
        return text.ToString();
    }

    private List<string>? Walk(string folder, HashSet<string> done, List<string> path)
    {
        if (path.IndexOf(folder) is var at and >= 0)
        {
            return [.. path[at..], folder];
        }
        if (!done.Add(folder))
        {
            return null;
        }
        path.Add(folder);
        foreach (var used in _uses[folder].Keys)
        {
            if (Walk(used, done, path) is { } cycle)
            {
                return cycle;
            }
        }
        path.RemoveAt(path.Count - 1);
        return null;
    }

    private void Add(string folder, string file, string used)
    {
        if (!_uses.TryGetValue(folder, out var uses))
        {
            _uses[folder] = uses = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        }
        if (used.Length > 0)
        {
            if (!uses.TryGetValue(used, out var through))
            {
                uses[used] = through = new SortedSet<string>(StringComparer.Ordinal);
            }
            through.Add(file);
        }
    }
}
