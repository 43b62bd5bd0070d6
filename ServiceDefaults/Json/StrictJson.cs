using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using IntegrationGateway.ServiceDefaults.Problems;

namespace IntegrationGateway.ServiceDefaults.Json;

/// <summary>
/// The one reading of JSON every service shares. The web defaults are lenient in ways that move stock: a duplicate
/// property wins silently (<c>{"quantity":2147483647,"quantity":1}</c> placed an order for 1), numbers are read from
/// strings and enums from integers (<c>"type":0</c> posted a receipt), names in any case and unknown names are
/// ignored. Here each of those is a 400.
/// </summary>
public static class StrictJson
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.AllowDuplicateProperties = false;
        // The contracts spell every property in camelCase and close every request schema (additionalProperties: false).
        options.PropertyNameCaseInsensitive = false;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.AllowTrailingCommas = false;
        options.ReadCommentHandling = JsonCommentHandling.Disallow;
        // Enums travel as their contract names (in_stock, receipt); saying so globally also tells the document generator.
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
            .WithAddedModifier(RequiredContractProperties.Apply)
            .WithAddedModifier(StrictMembers);
    }

    private static readonly PlainTextConverter PlainText = new();

    // The generated contract types name their own JsonStringEnumConverter<T> per property, which outranks the
    // options' converter and reads integers, numeric strings and padded names; every enum is read strictly instead,
    // and every text of a contract type must be plain.
    private static void StrictMembers(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        var contract = typeInfo.Type.Namespace?.StartsWith("IntegrationGateway.Contracts", StringComparison.Ordinal) == true;
        foreach (var property in typeInfo.Properties)
        {
            var type = property.PropertyType;
            if (type.IsEnum)
            {
                property.CustomConverter = (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(type))!;
            }
            else if (Nullable.GetUnderlyingType(type) is { IsEnum: true } inner)
            {
                property.CustomConverter = (JsonConverter)Activator.CreateInstance(typeof(StrictNullableEnumConverter<>).MakeGenericType(inner))!;
            }
            else if (contract && type == typeof(string))
            {
                property.CustomConverter = PlainText;
            }
        }
    }
}
