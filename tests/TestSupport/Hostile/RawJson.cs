using System.Text.Json.Nodes;

namespace IntegrationGateway.TestSupport.Hostile;

/// <summary>
/// Writes a body with pieces no JSON library would produce (duplicate keys, raw tokens, lone surrogates):
/// sentinels go into the tree and are swapped for raw text after serialisation.
/// </summary>
public sealed class RawJson
{
    private readonly Dictionary<string, string> _values = [];
    private readonly Dictionary<string, string> _keys = [];

    /// <summary>A placeholder value that is written as the raw JSON text given.</summary>
    public JsonNode Value(string raw)
    {
        var sentinel = $"__hostile_value_{_values.Count}__";
        _values[sentinel] = raw;
        return JsonValue.Create(sentinel);
    }

    /// <summary>A placeholder property name that is written as the name given (which may repeat another).</summary>
    public string Key(string name)
    {
        var sentinel = $"__hostile_key_{_keys.Count}__";
        _keys[sentinel] = name;
        return sentinel;
    }

    public string Write(JsonNode root)
    {
        var text = root.ToJsonString();
        foreach (var (sentinel, raw) in _values)
        {
            text = text.Replace($"\"{sentinel}\"", raw);
        }
        foreach (var (sentinel, name) in _keys)
        {
            text = text.Replace($"\"{sentinel}\":", $"\"{name}\":");
        }
        return text;
    }

    /// <summary>A JSON string literal of the text, escaping only what JSON requires (non-ASCII stays as UTF-8).</summary>
    public static string String(string text)
    {
        var escaped = new System.Text.StringBuilder("\"");
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return escaped.Append('"').ToString();
    }
}
