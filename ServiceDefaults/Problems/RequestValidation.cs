using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Serialization;

namespace IntegrationGateway.ServiceDefaults.Problems;

/// <summary>
/// Checks the data annotations the contract generator put on request types, through nested objects and lists,
/// and reports each failure under its JSON path (lines[2].quantity) so a caller can find it.
/// </summary>
public static class RequestValidation
{
    public static Dictionary<string, string[]> Errors(object request)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        Collect(request, "", errors, depth: 0);
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    private static void Collect(object target, string prefix, Dictionary<string, List<string>> errors, int depth)
    {
        if (depth > 8)
        {
            return;
        }
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(target, new ValidationContext(target), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
            {
                var key = prefix + JsonName(target.GetType(), member);
                if (!errors.TryGetValue(key, out var list))
                {
                    errors[key] = list = [];
                }
                list.Add(result.ErrorMessage ?? "Invalid value.");
            }
        }
        foreach (var fact in Facts(target.GetType()))
        {
            var property = fact.Property;
            // [RegularExpression] passes an empty string by design; the contract's pattern decides whether "" matches.
            if (fact.EmptyFailsPattern is { } pattern && property.GetValue(target) is "")
            {
                errors[prefix + fact.JsonName] = [$"The value must match {pattern}."];
            }
            if (!fact.MayNest)
            {
                continue;
            }
            var value = property.GetValue(target);
            var name = prefix + fact.JsonName;
            if (value is IEnumerable items and not IDictionary)
            {
                var index = 0;
                foreach (var item in items)
                {
                    if (item is null)
                    {
                        errors[$"{name}[{index}]"] = ["An item may not be null."];
                    }
                    else if (IsContractType(item.GetType()))
                    {
                        Collect(item, $"{name}[{index}].", errors, depth + 1);
                    }
                    index++;
                }
            }
            else if (value is not null && IsContractType(value.GetType()))
            {
                Collect(value, name + ".", errors, depth + 1);
            }
        }
    }

    /// <summary>What validation needs to know of a type's properties, worked out once per type (reflection is slow on every request).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, PropertyFact[]> FactsByType = new();

    private static PropertyFact[] Facts(Type type) => FactsByType.GetOrAdd(type, static t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(p => new PropertyFact(
            p,
            JsonName(t, p.Name),
            p.GetCustomAttribute<RegularExpressionAttribute>() is { } pattern && !System.Text.RegularExpressions.Regex.IsMatch("", pattern.Pattern) ? pattern.Pattern : null,
            MayNest: p.PropertyType != typeof(string) && p.GetIndexParameters().Length == 0))
        .ToArray());

    /// <summary><paramref name="EmptyFailsPattern"/>: the property's pattern when an empty string does not match it.</summary>
    private sealed record PropertyFact(PropertyInfo Property, string JsonName, string? EmptyFailsPattern, bool MayNest);

    private static bool IsContractType(Type type) => type.IsClass && type.Namespace?.StartsWith("IntegrationGateway", StringComparison.Ordinal) == true;

    private static string JsonName(Type type, string member) =>
        type.GetProperty(member)?.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? member;
}
