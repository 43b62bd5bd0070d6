using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntegrationGateway.ServiceDefaults.Json;

/// <summary>
/// Reads an enum only as one of its contract names, exactly: the framework's converter also takes integers,
/// numeric strings, any case and surrounding spaces (<c>" receipt"</c> posted a receipt). Writes the same names.
/// </summary>
public sealed class StrictEnumConverter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
{
    private static readonly Dictionary<string, TEnum> ByName = typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static)
        .ToDictionary(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name, f => (TEnum)f.GetValue(null)!, StringComparer.Ordinal);

    private static readonly Dictionary<TEnum, string> ByValue = ByName.GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.First().Key);

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && reader.GetString() is { } name && ByName.TryGetValue(name, out var value)
            ? value
            : throw new JsonException($"Use one of: {string.Join(", ", ByName.Keys)}.");

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ByValue.TryGetValue(value, out var name) ? name : throw new JsonException($"{value} has no contract name."));
}

/// <summary>The same for an optional enum: null stays null, anything else is read strictly.</summary>
public sealed class StrictNullableEnumConverter<TEnum> : JsonConverter<TEnum?> where TEnum : struct, Enum
{
    private static readonly StrictEnumConverter<TEnum> Inner = new();

    public override bool HandleNull => true;

    public override TEnum? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : Inner.Read(ref reader, typeof(TEnum), options);

    public override void Write(Utf8JsonWriter writer, TEnum? value, JsonSerializerOptions options)
    {
        if (value is { } present)
        {
            Inner.Write(writer, present, options);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
