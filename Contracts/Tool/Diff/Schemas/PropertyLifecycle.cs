namespace IntegrationGateway.ContractTool.Diff.Schemas;

/// <summary>
/// A property's deprecated flag with its x-sunset, and its x-stability-level, compared as oasdiff does for
/// operations. Reported only where the schema is a property (ids exist for request- and response-property).
/// </summary>
internal static class PropertyLifecycle
{
    public static void Compare(SchemaFacts @base, SchemaFacts revision, DateOnly today, List<SchemaChange> changes)
    {
        if (@base.Deprecated && !revision.Deprecated)
        {
            changes.Add(SchemaChange.Named("reactivated", "the {what} is no longer deprecated"));
        }
        else if (!@base.Deprecated && revision.Deprecated)
        {
            var sunset = revision.Sunset;
            changes.Add(
                sunset.Unreadable ? SchemaChange.Named("deprecated-sunset-invalid", $"the {{what}} was deprecated with the sunset date '{sunset.Text}', which cannot be read")
                : sunset.Date is { } date && date < today ? SchemaChange.Named("sunset-date-too-small", $"the {{what}} was deprecated with the sunset date {sunset.Text}, which is already past")
                : sunset.Present ? SchemaChange.Named("deprecated-with-sunset", $"the {{what}} was deprecated with the sunset date {sunset.Text}")
                : SchemaChange.Named("deprecated", "the {what} was deprecated"));
        }
        if (Stability.Compare(@base.Stability, revision.Stability) is { } direction)
        {
            changes.Add(SchemaChange.Named($"stability-{direction}", $"the x-stability-level of the {{what}} was {direction} from {@base.Stability.Text} to {revision.Stability.Text}"));
        }
    }
}
