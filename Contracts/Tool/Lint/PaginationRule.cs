using IntegrationGateway.ContractTool.Reports;
using Microsoft.OpenApi;

namespace IntegrationGateway.ContractTool.Lint;

/// <summary>
/// A GET that returns a list pages it with limit and cursor (or after), so no caller can ask for a table at once.
/// A list is a JSON array, or an envelope object whose items array holds the entries (other arrays beside it, such
/// as the SKUs not found, do not make a resource with a child collection into a list).
/// </summary>
public static class PaginationRule
{
    public const string ListNotPaginated = "list-not-paginated";

    /// <summary>The list is bounded by what the caller asked for (these SKUs) or by design (the locations).</summary>
    public const string BoundedExtension = "x-bounded-list";

    private const string ItemsProperty = "items";

    public static IEnumerable<Finding> Check(LintedOperation operation)
    {
        if (operation.Method != HttpMethod.Get || operation.HasFlag(BoundedExtension) || !ReturnsList(operation.Operation))
        {
            yield break;
        }

        var missing = new List<string>();
        if (!operation.HasParameter(ParameterLocation.Query, "limit"))
        {
            missing.Add("limit");
        }

        if (!operation.HasParameter(ParameterLocation.Query, "cursor") && !operation.HasParameter(ParameterLocation.Query, "after"))
        {
            missing.Add("cursor (or after)");
        }

        if (missing.Count > 0)
        {
            yield return new Finding(ListNotPaginated, Level.Err, operation.Label,
                $"returns a list but has no {string.Join(" or ", missing)} query parameter (mark a bounded list {BoundedExtension}: true)");
        }
    }

    private static bool ReturnsList(OpenApiOperation operation)
    {
        if (operation.Responses?.TryGetValue("200", out var ok) != true || ok?.Content is null)
        {
            return false;
        }

        return ok.Content.Where(c => LintedOperation.IsJson(c.Key)).Any(c => c.Value.Schema is { } schema && IsList(schema));
    }

    private static bool IsList(IOpenApiSchema schema) =>
        IsArray(schema)
        || (schema.Properties?.TryGetValue(ItemsProperty, out var items) == true && IsArray(items));

    private static bool IsArray(IOpenApiSchema schema) => schema.Type is { } type && type.HasFlag(JsonSchemaType.Array);
}
