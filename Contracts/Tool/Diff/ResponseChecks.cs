using IntegrationGateway.ContractTool.Diff.Schemas;
using Microsoft.OpenApi;

namespace IntegrationGateway.ContractTool.Diff;

/// <summary>Statuses, headers, media types and body schemas of the responses an operation declares.</summary>
internal static class ResponseChecks
{
    public static void Compare(FindingSink sink, OperationEntry @base, OperationEntry revision, DiffContext context)
    {
        var before = ByStatus(@base.Operation.Responses);
        var after = ByStatus(revision.Operation.Responses);
        foreach (var (status, response) in before)
        {
            if (after.TryGetValue(status, out var revised))
            {
                CompareOne(sink, status, response, revised, context);
            }
            else if (IsSuccess(status))
            {
                sink.Add("response-success-status-removed", $"removed the success response with the status {status}");
            }
            else
            {
                sink.Add("response-non-success-status-removed", $"removed the non-success response with the status {status}");
            }
        }
        foreach (var status in after.Keys.Except(before.Keys, StringComparer.Ordinal))
        {
            sink.Add(IsSuccess(status) ? "response-success-status-added" : "response-non-success-status-added",
                $"added the {(IsSuccess(status) ? "success" : "non-success")} response with the status {status}");
        }
    }

    private static void CompareOne(FindingSink sink, string status, IOpenApiResponse @base, IOpenApiResponse revision, DiffContext context)
    {
        CompareHeaders(sink, status, @base, revision);
        var revisedContent = Content.Of(revision.Content);
        var baseContent = Content.Of(@base.Content);
        foreach (var (mediaType, media) in baseContent)
        {
            if (!revisedContent.TryGetValue(mediaType, out var revised))
            {
                sink.Add("response-media-type-removed", $"removed the media type {mediaType} for the response with the status {status}");
                continue;
            }
            SchemaFindings.Report(sink, () => SchemaSite.Response(status), context.Schemas.Compare(media.Schema, revised.Schema, Direction.Response));
        }
        foreach (var mediaType in revisedContent.Keys.Except(baseContent.Keys, StringComparer.OrdinalIgnoreCase))
        {
            sink.Add("response-media-type-added", $"added the media type {mediaType} for the response with the status {status}");
        }
    }

    private static void CompareHeaders(FindingSink sink, string status, IOpenApiResponse @base, IOpenApiResponse revision)
    {
        var before = Headers(@base);
        var after = Headers(revision);
        foreach (var (name, header) in before)
        {
            if (!after.TryGetValue(name, out var revised))
            {
                sink.Add(header.Required ? "required-response-header-removed" : "optional-response-header-removed",
                    $"removed the {(header.Required ? "required" : "optional")} response header {name} for the status {status}");
            }
            else if (header.Required && !revised.Required)
            {
                sink.Add("response-header-became-optional", $"the response header {name} became optional for the status {status}");
            }
        }
        foreach (var name in after.Keys.Except(before.Keys, StringComparer.OrdinalIgnoreCase))
        {
            sink.Add("response-header-added", $"added the response header {name} for the status {status}");
        }
    }

    private static Dictionary<string, IOpenApiHeader> Headers(IOpenApiResponse response)
    {
        var headers = new Dictionary<string, IOpenApiHeader>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, header) in response.Headers ?? new Dictionary<string, IOpenApiHeader>())
        {
            headers.TryAdd(name, References.Resolve(header));
        }
        return headers;
    }

    /// <summary>Status keys compare as written apart from the case of ranges (2xx is 2XX); "default" stays as is.</summary>
    private static Dictionary<string, IOpenApiResponse> ByStatus(OpenApiResponses? responses)
    {
        var byStatus = new Dictionary<string, IOpenApiResponse>(StringComparer.Ordinal);
        foreach (var (status, response) in responses ?? [])
        {
            byStatus.TryAdd(status.Length == 3 ? status.ToUpperInvariant() : status, References.Resolve(response));
        }
        return byStatus;
    }

    private static bool IsSuccess(string status) => status.StartsWith('2');
}
