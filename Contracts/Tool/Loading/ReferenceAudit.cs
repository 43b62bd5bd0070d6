using System.Text.Json.Nodes;

namespace IntegrationGateway.ContractTool.Loading;

/// <summary>
/// Finds every $ref of a document that cannot be followed: a local JSON pointer to nothing, an external file that
/// is missing or unreadable, or a pointer into it that leads nowhere. External files are audited in turn.
/// </summary>
internal static class ReferenceAudit
{
    public static List<string> Unresolved(JsonNode root, string? path, out bool external)
    {
        var problems = new List<string>();
        var files = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var audited = new HashSet<string>(StringComparer.Ordinal);
        Audit(root, root, path, files, audited, problems);
        external = files.Count > 0;
        return problems;
    }

    private static void Audit(JsonNode node, JsonNode root, string? path, Dictionary<string, JsonNode?> files, HashSet<string> audited, List<string> problems)
    {
        foreach (var reference in References(node))
        {
            var (file, pointer) = reference.IndexOf('#') is var hash and >= 0 ? (reference[..hash], reference[(hash + 1)..]) : (reference, "");
            if (file.Length == 0)
            {
                if (Pointer(root, pointer) is null)
                {
                    problems.Add(Where(path, reference));
                }
                continue;
            }
            if (Uri.TryCreate(file, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
            {
                problems.Add(Where(path, reference) + " (remote references are not fetched)");
                continue;
            }
            var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path) ?? ".", file));
            if (!files.TryGetValue(full, out var external))
            {
                external = Read(full);
                files[full] = external;
                if (external is not null && audited.Add(full))
                {
                    Audit(external, external, full, files, audited, problems);
                }
            }
            if (external is null || Pointer(external, pointer) is null)
            {
                problems.Add(Where(path, reference));
            }
        }
    }

    private static IEnumerable<string> References(JsonNode node)
    {
        var stack = new Stack<JsonNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        if (key == "$ref" && value is JsonValue v && v.TryGetValue<string>(out var target))
                        {
                            yield return target;
                        }
                        else if (value is not null && key is not ("example" or "examples"))
                        {
                            stack.Push(value);
                        }
                    }
                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        if (item is not null)
                        {
                            stack.Push(item);
                        }
                    }
                    break;
            }
        }
    }

    private static JsonNode? Read(string file)
    {
        try
        {
            var text = File.ReadAllText(file);
            return RawDocument.Parse(text, RawDocument.IsYaml(file, text));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>RFC 6901: "/components/schemas/A~1B" walks object keys (and array indexes); "" is the whole document.</summary>
    private static JsonNode? Pointer(JsonNode root, string pointer)
    {
        var node = root;
        foreach (var raw in pointer.Split('/').Skip(1))
        {
            var token = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject obj when obj.TryGetPropertyValue(token, out var child) => child,
                JsonArray array when int.TryParse(token, out var index) && index >= 0 && index < array.Count => array[index],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }
        return node;
    }

    private static string Where(string? path, string reference) => path is null ? reference : $"{reference} (in {Path.GetFileName(path)})";
}
