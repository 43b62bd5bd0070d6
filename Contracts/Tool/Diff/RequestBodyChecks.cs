using IntegrationGateway.ContractTool.Diff.Schemas;

namespace IntegrationGateway.ContractTool.Diff;

internal static class RequestBodyChecks
{
    public static void Compare(FindingSink sink, OperationEntry @base, OperationEntry revision, DiffContext context)
    {
        var before = References.Resolve(@base.Operation.RequestBody);
        var after = References.Resolve(revision.Operation.RequestBody);
        if (before is null && after is null)
        {
            return;
        }
        if (before is null)
        {
            sink.Add(after!.Required ? "request-body-added-required" : "request-body-added-optional",
                $"added {(after.Required ? "a required" : "an optional")} request body");
            return;
        }
        if (after is null)
        {
            sink.Add("request-body-removed", "removed the request body");
            return;
        }
        if (before.Required != after.Required)
        {
            sink.Add(after.Required ? "request-body-became-required" : "request-body-became-optional",
                $"the request body became {(after.Required ? "required" : "optional")}");
        }
        var revisedContent = Content.Of(after.Content);
        foreach (var (mediaType, media) in Content.Of(before.Content))
        {
            if (!revisedContent.TryGetValue(mediaType, out var revised))
            {
                sink.Add("request-body-media-type-removed", $"removed the media type {mediaType} from the request body");
                continue;
            }
            var changes = context.Schemas.Compare(media.Schema, revised.Schema, Direction.Request);
            SchemaFindings.Report(sink, SchemaSite.RequestBody, changes);
        }
        foreach (var mediaType in revisedContent.Keys.Except(Content.Of(before.Content).Keys, StringComparer.OrdinalIgnoreCase))
        {
            sink.Add("request-body-media-type-added", $"added the media type {mediaType} to the request body");
        }
    }
}
