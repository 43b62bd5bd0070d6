using System.Text;

namespace IntegrationGateway.TestSupport.Hostile;

/// <summary>A request being mutated: path values are already escaped, the body is raw text or raw bytes.</summary>
public sealed class RequestDraft
{
    public required string Method { get; init; }
    public required string PathTemplate { get; init; }
    public Dictionary<string, string> PathValues { get; init; } = [];
    public List<KeyValuePair<string, string>> Query { get; init; } = [];
    public List<KeyValuePair<string, string>> Headers { get; init; } = [];
    /// <summary>The valid body the mutations start from; BodyText is what is sent.</summary>
    public System.Text.Json.Nodes.JsonNode? BodyNode { get; set; }
    public string? BodyText { get; set; }
    public byte[]? BodyBytes { get; set; }
    public List<string> ContentTypes { get; init; } = [];

    public RequestDraft Clone() => new()
    {
        Method = Method,
        PathTemplate = PathTemplate,
        PathValues = new Dictionary<string, string>(PathValues),
        Query = [.. Query],
        Headers = [.. Headers],
        BodyNode = BodyNode?.DeepClone(),
        BodyText = BodyText,
        BodyBytes = BodyBytes,
        ContentTypes = [.. ContentTypes],
    };

    public string Target()
    {
        var path = PathValues.Aggregate(PathTemplate, (p, v) => p.Replace("{" + v.Key + "}", v.Value));
        return Query.Count == 0 ? path : path + "?" + string.Join("&", Query.Select(q => $"{q.Key}={q.Value}"));
    }

    /// <remarks>Kestrel refuses a NUL in the path while parsing, before any middleware: that refusal may be body-less.</remarks>
    public HostileRequest Finish(string endpoint, string variant, Expect expect, string? field = null) =>
        new(endpoint, variant, expect, Method, Target(), Headers, BodyBytes ?? (BodyText is null ? null : Encoding.UTF8.GetBytes(BodyText)),
            ContentTypes, field, BodylessAllowed: Target().Split('?')[0].Contains("%00", StringComparison.Ordinal));

    public void SetHeader(string name, string? value)
    {
        Headers.RemoveAll(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
        if (value is not null)
        {
            Headers.Add(new(name, value));
        }
    }
}
