using IntegrationGateway.ContractTool.Diff.Schemas;
using IntegrationGateway.ContractTool.Reports;
using Microsoft.OpenApi;

namespace IntegrationGateway.ContractTool.Diff;

/// <summary>Compares two OpenAPI documents by meaning and lists each change with a stable id and level.</summary>
public static class DiffEngine
{
    /// <summary>
    /// Every change from <paramref name="base"/> to <paramref name="revision"/>, named with oasdiff's check ids and
    /// levels, ordered by operation, id and message. Operations are named by the revision's path, or the base's
    /// for removals; document-wide changes have an empty operation.
    /// </summary>
    public static IReadOnlyList<Finding> Compare(OpenApiDocument @base, OpenApiDocument revision, DiffOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(@base);
        ArgumentNullException.ThrowIfNull(revision);
        options ??= new DiffOptions();
        var comparer = new SchemaComparer(new SchemaViews(), new Fragments(@base, revision), options.Today);
        var context = new DiffContext(@base, revision, comparer, options.Today);
        var findings = new List<Finding>();

        SecurityChecks.CompareDocument(new FindingSink(findings, ""), @base, revision);
        SecurityComponentChecks.Compare(new FindingSink(findings, ""), @base, revision);
        var operations = OperationMatcher.Match(OperationEntry.All(@base), OperationEntry.All(revision), options.AcrossVersions);
        foreach (var (before, after) in operations.Matched)
        {
            var sink = new FindingSink(findings, after.Name);
            // A new major version starts its own lifecycle: v1 being deprecated does not make v2 "reactivated".
            var crossesVersions = OperationMatcher.PathKey(before.Path, across: false) != OperationMatcher.PathKey(after.Path, across: false);
            LifecycleChecks.Compare(sink, before.Operation, after.Operation, context.Today, crossesVersions);
            // oasdiff's stability rule: an operation that is still draft or alpha promises nothing yet, so what
            // changes inside it is not reported (its lifecycle and stability findings are).
            if (Stability.Of(after.Operation.Extensions).Rank is 0 or 1)
            {
                continue;
            }
            SecurityChecks.CompareOperation(sink, before, after, context);
            ParameterChecks.Compare(sink, before, after, context);
            RequestBodyChecks.Compare(sink, before, after, context);
            ResponseChecks.Compare(sink, before, after, context);
        }
        foreach (var added in operations.Added)
        {
            LifecycleChecks.Added(new FindingSink(findings, added.Name), added.Webhook);
        }
        foreach (var removal in operations.Removed)
        {
            LifecycleChecks.Removed(new FindingSink(findings, removal.Operation.Name), removal.Operation.Operation, removal.PathRemoved, context.Today, removal.Operation.Webhook);
        }

        // The same change seen through two media types of one response is one change.
        return findings
            .Distinct()
            .OrderBy(f => f.Operation, StringComparer.Ordinal)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToList();
    }
}
