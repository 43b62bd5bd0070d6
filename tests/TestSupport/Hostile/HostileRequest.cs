using System.Text;

namespace IntegrationGateway.TestSupport.Hostile;

/// <summary>What an answer to a hostile request must be.</summary>
public enum Expect
{
    /// <summary>Invalid under the contract: a 4xx problem, and nothing changed.</summary>
    Refused,

    /// <summary>Odd but possibly valid (non-ASCII text, an unknown header): never a 5xx, and any refusal is a problem.</summary>
    NoFault,
}

/// <summary>One generated request: everything needed to send it again by hand.</summary>
public sealed record HostileRequest(
    string Endpoint,
    string Variant,
    Expect Expect,
    string Method,
    string Target,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[]? Body,
    IReadOnlyList<string> ContentTypes,
    string? Field,
    bool BodylessAllowed = false)
{
    /// <summary>The request as a curl-like text, for a failure report (bodies cut to 600 characters).</summary>
    public string Describe()
    {
        var text = new StringBuilder($"{Method} {Target}\n");
        foreach (var (name, value) in Headers)
        {
            text.Append($"{name}: {Printable(value, 200)}\n");
        }
        foreach (var type in ContentTypes)
        {
            text.Append($"Content-Type: {type}\n");
        }
        if (Body is not null)
        {
            text.Append($"[{Body.Length} bytes] {Printable(Encoding.UTF8.GetString(Body), 600)}\n");
        }
        return text.ToString();
    }

    /// <summary>Control characters and lone surrogates shown as escapes, so a report can be pasted back.</summary>
    public static string Printable(string value, int max)
    {
        var text = new StringBuilder();
        foreach (var c in value.Length > max ? value[..max] : value)
        {
            text.Append(char.IsControl(c) || char.IsSurrogate(c) || c == '\uFFFD' ? $"\\u{(int)c:x4}" : c.ToString());
        }
        return value.Length > max ? text + $"...(+{value.Length - max} chars)" : text.ToString();
    }
}
