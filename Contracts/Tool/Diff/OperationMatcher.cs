namespace IntegrationGateway.ContractTool.Diff;

/// <summary>
/// Pairs the operations of two documents. Paths match whatever their parameters are called (/orders/{id} is
/// /orders/{orderId}); across versions, a /v{N}/ segment matches any other, so v1 pairs with v2.
/// </summary>
internal static class OperationMatcher
{
    public sealed record Removal(OperationEntry Operation, bool PathRemoved);

    public sealed record Result(
        List<(OperationEntry Base, OperationEntry Revision)> Matched,
        List<OperationEntry> Added,
        List<Removal> Removed);

    public static Result Match(IReadOnlyList<OperationEntry> @base, IReadOnlyList<OperationEntry> revision, bool? acrossVersions)
    {
        var across = acrossVersions ?? ShareOnlyAcrossVersions(@base, revision);
        var result = new Result([], [], []);
        var revisionByKey = new Dictionary<string, OperationEntry>(StringComparer.Ordinal);
        var unmatched = new HashSet<OperationEntry>(ReferenceEqualityComparer.Instance);
        foreach (var entry in revision)
        {
            // Two revision paths that normalise alike (v2 and v3 side by side): the first pairs, the rest are new.
            if (revisionByKey.TryAdd(Key(entry, across), entry))
            {
                unmatched.Add(entry);
            }
            else
            {
                result.Added.Add(entry);
            }
        }
        var revisionPaths = revision.Select(e => PathKey(e.Path, across)).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in @base)
        {
            if (revisionByKey.TryGetValue(Key(entry, across), out var match) && unmatched.Remove(match))
            {
                result.Matched.Add((entry, match));
            }
            else
            {
                result.Removed.Add(new Removal(entry, !revisionPaths.Contains(PathKey(entry.Path, across))));
            }
        }
        result.Added.AddRange(revision.Where(unmatched.Contains));
        return result;
    }

    /// <summary>On when the documents share no path as written but do once version segments are ignored.</summary>
    private static bool ShareOnlyAcrossVersions(IReadOnlyList<OperationEntry> @base, IReadOnlyList<OperationEntry> revision)
    {
        bool Share(bool across)
        {
            var paths = @base.Select(e => PathKey(e.Path, across)).ToHashSet(StringComparer.Ordinal);
            return revision.Any(e => paths.Contains(PathKey(e.Path, across)));
        }
        return !Share(across: false) && Share(across: true);
    }

    private static string Key(OperationEntry entry, bool across) => entry.Method + " " + PathKey(entry.Path, across);

    public static string PathKey(string path, bool across)
    {
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.StartsWith('{') && segment.EndsWith('}'))
            {
                segments[i] = "{}";
            }
            else if (across && IsVersion(segment))
            {
                segments[i] = "v*";
            }
        }
        return string.Join('/', segments);
    }

    private static bool IsVersion(string segment) =>
        segment.Length >= 2 && segment[0] is 'v' or 'V' && segment.AsSpan(1).IndexOfAnyExcept("0123456789.") < 0 && char.IsAsciiDigit(segment[1]);
}
