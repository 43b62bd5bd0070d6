using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IntegrationGateway.ContractTool.Loading;

/// <summary>
/// Finds every $ref of a document that cannot be followed: a local JSON pointer to nothing, an external file that
/// is missing or unreadable, or a pointer into it that leads nowhere. External files are audited in turn. The
/// references are read from the text and each distinct one is resolved once, which keeps a 5,000-operation
/// document with tens of thousands of $refs to a few hundred lookups.
/// </summary>
internal static partial class ReferenceAudit
{
    public static List<string> Unresolved(string text, Func<string, bool> resolvesLocally, string? path, out bool external)
    {
        var problems = new List<string>();
        var files = new Dictionary<string, (string Text, JsonNode? Root)?>(StringComparer.Ordinal);
        Audit(text, resolvesLocally, path, files, problems);
        external = files.Count > 0;
        return problems;
    }

    /// <summary>
    /// A local resolver for a document the reader has already read: "#/components/{kind}/{name}" is looked up in
    /// its components, and only another kind of pointer makes the text be parsed to follow it.
    /// </summary>
    public static Func<string, bool> Components(Microsoft.OpenApi.OpenApiDocument document, string text)
    {
        JsonDocument? parsed = null;
        return pointer =>
        {
            var parts = pointer.Split('/');
            if (parts is ["", "components", var kind, var name] && Kinds(document.Components, kind) is { } names)
            {
                return names.Contains(Uri.UnescapeDataString(name).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
            }
            parsed ??= RawDocument.ParseElement(text);
            return Resolves(parsed.RootElement, pointer);
        };
    }

    private static ICollection<string>? Kinds(Microsoft.OpenApi.OpenApiComponents? components, string kind) => kind switch
    {
        "schemas" => components?.Schemas?.Keys ?? [],
        "parameters" => components?.Parameters?.Keys ?? [],
        "responses" => components?.Responses?.Keys ?? [],
        "requestBodies" => components?.RequestBodies?.Keys ?? [],
        "headers" => components?.Headers?.Keys ?? [],
        "securitySchemes" => components?.SecuritySchemes?.Keys ?? [],
        "examples" => components?.Examples?.Keys ?? [],
        "links" => components?.Links?.Keys ?? [],
        "callbacks" => components?.Callbacks?.Keys ?? [],
        "pathItems" => components?.PathItems?.Keys ?? [],
        _ => null,
    };

    /// <summary>Whether a JSON pointer ("/components/schemas/A~1B", "" for the whole) leads somewhere in the node.</summary>
    public static bool Resolves(JsonNode root, string pointer)
    {
        JsonNode? node = root;
        foreach (var token in Tokens(pointer))
        {
            node = node switch
            {
                JsonObject obj when obj.TryGetPropertyValue(token, out var child) => child,
                JsonArray array when int.TryParse(token, out var index) && index >= 0 && index < array.Count => array[index],
                _ => null,
            };
            if (node is null)
            {
                return false;
            }
        }
        return true;
    }

    public static bool Resolves(JsonElement root, string pointer)
    {
        var element = root;
        foreach (var token in Tokens(pointer))
        {
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(token, out var child))
            {
                element = child;
            }
            else if (element.ValueKind == JsonValueKind.Array && int.TryParse(token, out var index) && index >= 0 && index < element.GetArrayLength())
            {
                element = element[index];
            }
            else
            {
                return false;
            }
        }
        return true;
    }

    private static void Audit(string text, Func<string, bool> resolvesLocally, string? path, Dictionary<string, (string Text, JsonNode? Root)?> files, List<string> problems)
    {
        foreach (var reference in References(text))
        {
            var (file, pointer) = reference.IndexOf('#') is var hash and >= 0 ? (reference[..hash], reference[(hash + 1)..]) : (reference, "");
            if (file.Length == 0)
            {
                if (!resolvesLocally(pointer))
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
            if (!files.TryGetValue(full, out var loaded))
            {
                loaded = Read(full);
                files[full] = loaded;
                if (loaded is { Root: { } root } found)
                {
                    Audit(found.Text, p => Resolves(root, p), full, files, problems);
                }
            }
            if (loaded is not { Root: { } target } || !Resolves(target, pointer))
            {
                problems.Add(Where(path, reference));
            }
        }
    }

    /// <summary>Each distinct $ref value, as written in JSON ("$ref": "...") or YAML ($ref: ..., quoted or not).</summary>
    private static IEnumerable<string> References(string text)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in RefPattern().Matches(text))
        {
            var value = match.Groups["json"].Success ? JsonSerializer.Deserialize<string>('"' + match.Groups["json"].Value + '"') ?? "" : match.Groups["yaml"].Value;
            if (seen.Add(value))
            {
                yield return value;
            }
        }
    }

    [GeneratedRegex("""
        "\$ref"\s*:\s*"(?<json>(?:[^"\\]|\\.)*)"|\$ref['"]?\s*:\s*['"]?(?<yaml>[^'"\s,}\]]+)
        """, RegexOptions.CultureInvariant)]
    private static partial Regex RefPattern();

    private static IEnumerable<string> Tokens(string pointer) =>
        pointer.Split('/').Skip(1).Select(raw => Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));

    private static (string Text, JsonNode? Root)? Read(string file)
    {
        try
        {
            var text = File.ReadAllText(file);
            return (text, RawDocument.Parse(text, RawDocument.IsYaml(file, text)));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return null;
        }
    }

    private static string Where(string? path, string reference) => path is null ? reference : $"{reference} (in {Path.GetFileName(path)})";
}
