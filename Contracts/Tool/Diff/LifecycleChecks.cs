using IntegrationGateway.ContractTool.Reports;
using Microsoft.OpenApi;

namespace IntegrationGateway.ContractTool.Diff;

/// <summary>Operations that appear, disappear, are deprecated or have their sunset moved.</summary>
internal static class LifecycleChecks
{
    public static void Added(FindingSink sink) => sink.Add("endpoint-added", Level.Info, "endpoint added");

    public static void Removed(FindingSink sink, OpenApiOperation operation, bool pathRemoved, DateOnly today)
    {
        var prefix = pathRemoved ? "api-path" : "api";
        var what = pathRemoved ? "the path was removed" : "the operation was removed";
        var sunset = Sunset.Of(operation.Extensions);
        switch (Retirements.Judge(operation.Deprecated, sunset, today))
        {
            case Retirement.WithoutDeprecation:
                sink.Add($"{prefix}-removed-without-deprecation", Level.Err, $"{what} without deprecation");
                break;
            case Retirement.SunsetUnreadable:
                // oasdiff names this one id for paths and operations alike.
                sink.Add("api-path-sunset-parse", Level.Err, $"{what} but its sunset date '{sunset.Text}' cannot be read");
                break;
            case Retirement.BeforeSunset:
                sink.Add($"{prefix}-removed-before-sunset", Level.Err, $"{what} before its sunset date {sunset.Text}");
                break;
            default:
                // Past its sunset oasdiff stays silent; a changelog still wants the line, so it is kept as INFO.
                sink.Add($"{prefix}-removed-with-deprecation", Level.Info, sunset.Present ? $"{what} after its sunset date {sunset.Text}" : $"{what} after deprecation");
                break;
        }
    }

    public static void Compare(FindingSink sink, OpenApiOperation @base, OpenApiOperation revision, DateOnly today, bool newVersion)
    {
        var baseDeprecated = @base.Deprecated && !newVersion;
        if (baseDeprecated && !revision.Deprecated)
        {
            sink.Add("endpoint-reactivated", Level.Info, "endpoint reactivated");
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
            sink.Add("api-deprecated-sunset-parse", Level.Err, $"the sunset date '{after.Text}' cannot be read");
            return;
        }
        if (!baseDeprecated)
        {
            Deprecated(sink, after, today);
            return;
        }
        if (before.Present && !after.Present)
        {
            sink.Add("sunset-deleted", Level.Err, $"the sunset date {before.Text} was deleted while the endpoint stays deprecated");
        }
        else if (before.Date is { } from && after.Date is { } to && to < from)
        {
            // oasdiff's default policy only flags dates in the past; a promised date that moves earlier breaks
            // the plans clients made around it, so any earlier date is reported.
            sink.Add("api-sunset-date-changed-too-small", Level.Err, $"the sunset date was moved earlier, from {before.Text} to {after.Text}");
        }
        else if (!before.Present && after.Date is { } date && date < today)
        {
            sink.Add("api-sunset-date-too-small", Level.Err, $"the sunset date {after.Text} is already past");
        }
    }

    private static void Deprecated(FindingSink sink, Sunset sunset, DateOnly today)
    {
        if (sunset.Date is not { } date)
        {
            sink.Add("endpoint-deprecated", Level.Info, "endpoint deprecated");
        }
        else if (date < today)
        {
            sink.Add("api-sunset-date-too-small", Level.Err, $"endpoint deprecated with the sunset date {sunset.Text}, which is already past");
        }
        else
        {
            sink.Add("endpoint-deprecated-with-sunset", Level.Info, $"endpoint deprecated with the sunset date {sunset.Text}");
        }
    }
}
