using Microsoft.OpenApi;

namespace IntegrationGateway.ContractTool.Diff;

/// <summary>A kept parameter that is deprecated, reactivated, or has its x-sunset moved, deleted or unreadable.</summary>
internal static class ParameterLifecycle
{
    public static void Compare(FindingSink sink, IOpenApiParameter @base, IOpenApiParameter revision, string what, DateOnly today)
    {
        if (@base.Deprecated && !revision.Deprecated)
        {
            sink.Add("request-parameter-reactivated", $"the {what} was reactivated");
            return;
        }
        if (!revision.Deprecated)
        {
            return;
        }
        var before = Sunset.Of(@base.Extensions);
        var after = Sunset.Of(revision.Extensions);
        if (after.Unreadable && (!@base.Deprecated || before.Text != after.Text))
        {
            sink.Add("request-parameter-sunset-parse", $"the sunset date '{after.Text}' of the {what} cannot be read");
            return;
        }
        if (!@base.Deprecated)
        {
            if (after.Date is { } date && date < today)
            {
                sink.Add("request-parameter-sunset-date-too-small", $"the {what} was deprecated with the sunset date {after.Text}, which is already past");
            }
            else
            {
                sink.Add("request-parameter-deprecated", $"the {what} was deprecated{(after.Present ? $" with the sunset date {after.Text}" : "")}");
            }
            return;
        }
        if (before.Present && !after.Present)
        {
            sink.Add("request-parameter-sunset-deleted", $"the sunset date {before.Text} of the {what} was deleted while it stays deprecated");
        }
        else if (before.Date is { } from && after.Date is { } to && to < from)
        {
            sink.Add("request-parameter-sunset-date-changed-too-small", $"the sunset date of the {what} was moved earlier, from {before.Text} to {after.Text}");
        }
    }
}
