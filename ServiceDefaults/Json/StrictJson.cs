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
            .WithAddedModifier(NoIntegerEnums);
    }

    // The generated contract types name their own JsonStringEnumConverter<T> per property, which outranks the
    // options' converter and reads integers; each is swapped for the same converter that refuses them.
    private static void NoIntegerEnums(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        foreach (var property in typeInfo.Properties)
        {
            if (property.CustomConverter?.GetType() is { IsGenericType: true } converterType
                && converterType.GetGenericTypeDefinition() == typeof(JsonStringEnumConverter<>))
            {
                property.CustomConverter = (JsonConverter)Activator.CreateInstance(converterType, [null, false])!;
            }
        }
    }
}
