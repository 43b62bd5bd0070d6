using System.Text.RegularExpressions;
using IntegrationGateway.ContractTool.Reports;
using Microsoft.OpenApi;

namespace IntegrationGateway.ContractTool.Lint;

/// <summary>
/// Every property name on the wire is camelCase: component schemas once, for the whole document, and schemas written
/// inline in an operation's parameters, request body and responses against that operation.
/// </summary>
public static partial class PropertyNameRule
{
    public const string PropertyNotCamelCase = "property-not-camel-case";

    public static IEnumerable<Finding> CheckComponents(OpenApiDocument document) =>
        (document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
            .SelectMany(schema => Walk(schema.Value, $"schema {schema.Key}", prefix: string.Empty, operation: string.Empty));

    public static IEnumerable<Finding> CheckInline(LintedOperation operation)
    {
        var places = operation.Parameters
            .Select(p => (Where: $"parameter {p.Name}", Schema: p.Schema))
            .Concat(Bodies("request body", operation.Operation.RequestBody?.Content))
            .Concat((operation.Operation.Responses ?? []).SelectMany(r => Bodies($"response {r.Key}", r.Value.Content)));
        return places
            .Where(place => place.Schema is not null)
            .SelectMany(place => Walk(place.Schema!, place.Where, prefix: string.Empty, operation.Label));
    }

    private static IEnumerable<(string Where, IOpenApiSchema? Schema)> Bodies(string where, IDictionary<string, IOpenApiMediaType>? content) =>
        (content ?? new Dictionary<string, IOpenApiMediaType>()).Select(c => ($"{where} ({c.Key})", c.Value.Schema));

    // A reference is checked where it is defined, under components; following it again would report the same
    // property once per use, and a recursive schema would never end. The prefix locates nested properties
    // ("lines[]." for the objects in the lines array).
    private static IEnumerable<Finding> Walk(IOpenApiSchema schema, string where, string prefix, string operation)
    {
        if (schema is OpenApiSchemaReference)
        {
            yield break;
        }

        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (!CamelCase().IsMatch(name))
            {
                yield return new Finding(PropertyNotCamelCase, Level.Err, operation, $"{where}: property '{prefix}{name}' is not camelCase");
            }

            foreach (var finding in Walk(property, where, $"{prefix}{name}.", operation))
            {
                yield return finding;
            }
        }

        var children = new List<(IOpenApiSchema? Schema, string Prefix)>
        {
            (schema.Items, $"{prefix.TrimEnd('.')}[]."),
            (schema.AdditionalProperties, $"{prefix.TrimEnd('.')}{{*}}."),
            (schema.Not, prefix),
        };
        children.AddRange((schema.AllOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.OneOf ?? []).Select(s => ((IOpenApiSchema?)s, prefix)));
        foreach (var (child, childPrefix) in children)
        {
            if (child is null)
            {
                continue;
            }

            foreach (var finding in Walk(child, where, childPrefix, operation))
            {
                yield return finding;
            }
        }
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$")]
    private static partial Regex CamelCase();
}
