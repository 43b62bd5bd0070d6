using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntegrationGateway.ServiceDefaults.Json;

/// <summary>
/// Every text a contract carries is plain: no control characters (a NUL cannot be stored in PostgreSQL at all, and
/// C1 controls or line separators are whitespace to one layer and text to the next) and no lone surrogates.
/// </summary>
public sealed class PlainTextConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A string is expected.");
        }
        var text = reader.GetString()!;
        return IsPlain(text) ? text : throw new JsonException("Text may not hold control characters or line separators.");
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public static bool IsPlain(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                return false;
            }
        }
        return true;
    }
}
