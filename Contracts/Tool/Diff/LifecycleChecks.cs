using Microsoft.OpenApi;

namespace IntegrationGateway.ContractTool.Diff;

/// <summary>Operations that appear, disappear, are deprecated, have their sunset moved or their stability changed.</summary>
internal static class LifecycleChecks
{
    public static void Added(FindingSink sink, bool webhook) =>
        sink.Add(webhook ? "webhook-added" : "endpoint-added", webhook ? "webhook operation added" : "endpoint added");

    public static void Removed(FindingSink sink, OpenApiOperation operation, bool pathRemoved, DateOnly today, bool webhook)
    {
        if (webhook)
        {
            sink.Add("webhook-removed", "webhook operation removed");
            return;
        }
        var prefix = pathRemoved ? "api-path" : "api";
        var what = pathRemoved ? "the path was removed" : "the operation was removed";
        var sunset = Sunset.Of(operation.Extensions);
        switch (Retirements.Judge(operation.Deprecated, sunset, today))
        {
            case Retirement.WithoutDeprecation:
                sink.Add($"{prefix}-removed-without-deprecation", $"{what} without deprecation");
                break;
            case Retirement.SunsetUnreadable:
                // oasdiff names this one id for paths and operations alike.
                sink.Add("api-path-sunset-parse", $"{what} but its sunset date '{sunset.Text}' cannot be read");
                break;
            case Retirement.BeforeSunset:
                sink.Add($"{prefix}-removed-before-sunset", $"{what} before its sunset date {sunset.Text}");
                break;
            default:
                // Past its sunset oasdiff stays silent; a changelog still wants the line, so it is kept as INFO.
                sink.Add($"{prefix}-removed-with-deprecation", sunset.Present ? $"{what} after its sunset date {sunset.Text}" : $"{what} after deprecation");
                break;
        }
    }

    public static void Compare(FindingSink sink, OpenApiOperation @base, OpenApiOperation revision, DateOnly today, bool newVersion)
    {
        CompareStability(sink, @base, revision);
        var baseDeprecated = @base.Deprecated && !newVersion;
        if (baseDeprecated && !revision.Deprecated)
        {
            sink.Add("endpoint-reactivated", "endpoint reactivated");
            return;
        }
        if (!revision.Deprecated)
        {
            return;
        }
        var before = Sunset.Of(@base.Extensions);
        var after = Sunset.Of(revision.Extensions);
        if (after.Unreadable && (!baseDeprecated || before.Text != after.Text))
        {
            sink.Add("api-deprecated-sunset-parse", $"the sunset date '{after.Text}' cannot be read");
            return;
        }
        if (!baseDeprecated)
        {
            Deprecated(sink, after, today);
            return;
        }
        if (before.Present && !after.Present)
        {
            sink.Add("sunset-deleted", $"the sunset date {before.Text} was deleted while the endpoint stays deprecated");
        }
        else if (before.Date is { } from && after.Date is { } to && to < from)
        {
            sink.Add("api-sunset-date-changed-too-small", $"the sunset date was moved earlier, from {before.Text} to {after.Text}");
        }
        else if (!before.Present && after.Date is { } date && date < today)
        {
            sink.Add("api-sunset-date-too-small", $"the sunset date {after.Text} is already past");
        }
    }

    private static void Deprecated(FindingSink sink, Sunset sunset, DateOnly today)
    {
        if (sunset.Date is not { } date)
        {
            sink.Add("endpoint-deprecated", "endpoint deprecated");
        }
        else if (date < today)
        {
            sink.Add("api-sunset-date-too-small", $"endpoint deprecated with the sunset date {sunset.Text}, which is already past");
        }
        else
        {
            sink.Add("endpoint-deprecated-with-sunset", $"endpoint deprecated with the sunset date {sunset.Text}");
        }
    }

    private static void CompareStability(FindingSink sink, OpenApiOperation @base, OpenApiOperation revision)
    {
        var before = Stability.Of(@base.Extensions);
        var after = Stability.Of(revision.Extensions);
        if (after.Invalid)
        {
            sink.Add("api-invalid-stability-level", $"the x-stability-level '{after.Text}' is not one of draft, alpha, beta, stable");
        }
        else if (Stability.Compare(before, after) is { } direction)
        {
            sink.Add($"api-stability-{direction}", $"the stability level was {direction} from {before.Text} to {after.Text}");
        }
    }
}
