using IntegrationGateway.ContractTool.Reports;
using Microsoft.OpenApi;

namespace IntegrationGateway.ContractTool.Lint;

/// <summary>A JSON request body shows an example, which partner docs render and reviewers read first.</summary>
public static class ExampleRule
{
    public const string RequestBodyExampleMissing = "request-body-example-missing";

    public static IEnumerable<Finding> Check(LintedOperation operation)
    {
        foreach (var (mediaType, media) in operation.Operation.RequestBody?.Content ?? new Dictionary<string, IOpenApiMediaType>())
        {
            var hasExample = media.Example is not null
                || media.Examples is { Count: > 0 }
                || media.Schema?.Examples is { Count: > 0 }
                || SchemaExample(media.Schema) is not null;
            if (LintedOperation.IsJson(mediaType) && !hasExample)
            {
                yield return new Finding(RequestBodyExampleMissing, Level.Warn, operation.Label,
                    $"the {mediaType} request body has no example (media type example or examples, or a schema example)");
            }
        }
    }

    // OpenAPI 3.0 has only the singular schema example, and the reader keeps it apart from the 3.1 examples list
    // under a member marked obsolete in favour of that list.
#pragma warning disable CS0618
    private static object? SchemaExample(IOpenApiSchema? schema) => schema?.Example;
#pragma warning restore CS0618
}
