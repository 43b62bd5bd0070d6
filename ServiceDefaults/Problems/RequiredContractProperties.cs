using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization.Metadata;

namespace IntegrationGateway.ServiceDefaults.Problems;

/// <summary>
/// The generated contract types mark required members with [Required], which System.Text.Json ignores: a missing
/// enum or number would silently bind as its default (a movement without "type" would become a receipt). This
/// makes the serializer refuse a body that lacks a required member, so it is answered 400 and changes nothing.
/// </summary>
public static class RequiredContractProperties
{
    public static void Apply(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || typeInfo.Type.Namespace?.StartsWith("IntegrationGateway.Contracts", StringComparison.Ordinal) != true)
        {
            return;
        }
        foreach (var property in typeInfo.Properties)
        {
            // Strings and lists bind as null when missing and [Required] names them in a validation problem; only a
            // value type (an enum, a number) would take a default that looks like a real value.
            if (property.PropertyType.IsValueType && property.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true)
            {
                property.IsRequired = true;
            }
        }
    }
}
