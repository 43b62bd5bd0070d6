using Microsoft.OpenApi;

namespace IntegrationGateway.ContractTool.Diff.Schemas;

/// <summary>
/// Compares two schemas by meaning, recursively. Each (base, revision, direction) pair is compared once and the
/// result reused wherever the pair is reached again, which is what keeps a shared component changed in one
/// place from costing one walk per operation. Cycles are cut where a pair is reached again on its own path.
/// </summary>
internal sealed class SchemaComparer(SchemaViews views, Fragments fragments, DateOnly today)
{
    private static readonly SchemaChange[] None = [];
    private static readonly string[] Alternatives = ["one-of", "any-of"];

    private readonly Dictionary<(IOpenApiSchema, IOpenApiSchema, Direction), IReadOnlyList<SchemaChange>> done = new(SchemaPairComparer.Instance);
    private readonly Dictionary<(IOpenApiSchema, IOpenApiSchema, Direction), int> active = new(SchemaPairComparer.Instance);

    public IReadOnlyList<SchemaChange> Compare(IOpenApiSchema? @base, IOpenApiSchema? revision, Direction direction) =>
        @base is null || revision is null ? None : Compare(views.Get(@base), views.Get(revision), direction, out _);

    private IReadOnlyList<SchemaChange> Compare(SchemaView @base, SchemaView revision, Direction direction, out int cutAt)
    {
        cutAt = int.MaxValue;
        var key = (@base.Identity, revision.Identity, direction);
        if (done.TryGetValue(key, out var known))
        {
            return known;
        }
        if (active.TryGetValue(key, out var depth))
        {
            cutAt = depth;
            return None;
        }
        var myDepth = active.Count;
        active[key] = myDepth;
        var changes = new List<SchemaChange>();
        if (Composition.WrappedInOneOf(@base, revision))
        {
            // The old schema became one alternative among several: one change, not one per property.
            changes.Add(SchemaChange.Named("wrapped-in-one-of", $"wrapped in a oneOf of {revision.OneOf.Count} subschemas"));
        }
        else
        {
            CompareHere(@base, revision, changes);
            if (!SchemaRules.TypeChanged(@base, revision))
            {
                cutAt = Math.Min(cutAt, CompareProperties(@base, revision, direction, changes));
                cutAt = Math.Min(cutAt, CompareChildren(@base, revision, direction, changes));
                cutAt = Math.Min(cutAt, CompareApplicators(@base, revision, direction, changes));
            }
        }
        active.Remove(key);
        IReadOnlyList<SchemaChange> result = changes.Count == 0 ? None : changes;
        // A result that depends on an ancestor being cut is only right on this path, so it is not reused.
        if (cutAt >= myDepth)
        {
            done[key] = result;
            cutAt = int.MaxValue;
        }
        return result;
    }

    private void CompareHere(SchemaView @base, SchemaView revision, List<SchemaChange> changes)
    {
        KeywordChanges.Compare(@base.Facts, revision.Facts, today, changes);
        if (@base.Nullable != revision.Nullable)
        {
            changes.Add(new SchemaChange(revision.Nullable ? SchemaChangeKind.BecameNullable : SchemaChangeKind.BecameNotNullable, ""));
        }
        SchemaRules.CompareType(@base, revision, changes);
        if (SchemaRules.TypeChanged(@base, revision))
        {
            return;
        }
        SchemaRules.CompareEnum(@base, revision, changes);
        SchemaRules.ComparePattern(@base.Pattern, revision.Pattern, changes);
        foreach (var bound in Bounds.All)
        {
            Bounds.Compare(bound, @base.Limit(bound), revision.Limit(bound), "", changes);
        }
    }

    private int CompareProperties(SchemaView @base, SchemaView revision, Direction direction, List<SchemaChange> changes)
    {
        var cutAt = int.MaxValue;
        foreach (var (name, schema) in revision.Properties)
        {
            if (!@base.Properties.ContainsKey(name) && !Ignored(views.Get(schema), direction))
            {
                changes.Add(new SchemaChange(SchemaChangeKind.PropertyAdded, name, Required: revision.Required.Contains(name)));
            }
        }
        foreach (var (name, schema) in @base.Properties)
        {
            var baseProperty = views.Get(schema);
            if (!revision.Properties.TryGetValue(name, out var revisionSchema))
            {
                if (!Ignored(baseProperty, direction))
                {
                    changes.Add(new SchemaChange(SchemaChangeKind.PropertyRemoved, name, Required: @base.Required.Contains(name)));
                }
                continue;
            }
            var revisionProperty = views.Get(revisionSchema);
            if (Ignored(baseProperty, direction) && Ignored(revisionProperty, direction))
            {
                continue;
            }
            var wasRequired = @base.Required.Contains(name);
            if (wasRequired != revision.Required.Contains(name))
            {
                changes.Add(new SchemaChange(wasRequired ? SchemaChangeKind.BecameOptional : SchemaChangeKind.BecameRequired, name));
            }
            var nested = Compare(baseProperty, revisionProperty, direction, out var childCut);
            cutAt = Math.Min(cutAt, childCut);
            foreach (var change in nested)
            {
                changes.Add(change.Under(name));
            }
        }
        return cutAt;
    }

    private int CompareChildren(SchemaView @base, SchemaView revision, Direction direction, List<SchemaChange> changes)
    {
        var cutAt = int.MaxValue;
        if (@base.Items is not null && revision.Items is not null)
        {
            var nested = Compare(views.Get(@base.Items), views.Get(revision.Items), direction, out var childCut);
            cutAt = Math.Min(cutAt, childCut);
            foreach (var change in nested)
            {
                changes.Add(change.Under(SchemaPath.Items));
            }
        }
        foreach (var keyword in Alternatives)
        {
            var (from, to) = keyword == "one-of" ? (@base.OneOf, revision.OneOf) : (@base.AnyOf, revision.AnyOf);
            foreach (var (before, after) in Composition.Compare(keyword, from, to, views, changes))
            {
                changes.AddRange(Compare(views.Get(before), views.Get(after), direction, out var childCut));
                cutAt = Math.Min(cutAt, childCut);
            }
        }
        // A schema that becomes an allOf of what it was is the same schema; members come and go only between allOfs.
        if (@base.AllOf.Count > 0 && revision.AllOf.Count > 0)
        {
            Composition.Compare("all-of", @base.AllOf, revision.AllOf, views, changes);
        }
        return cutAt;
    }

    /// <summary>Subschemas under not, additionalProperties and the 2020-12 applicators, each checked like the schema itself.</summary>
    private int CompareApplicators(SchemaView @base, SchemaView revision, Direction direction, List<SchemaChange> changes)
    {
        var cutAt = int.MaxValue;
        if (ReferenceEquals(@base.Facts, SchemaFacts.None) || ReferenceEquals(revision.Facts, SchemaFacts.None))
        {
            return cutAt;
        }
        void Nested(IOpenApiSchema? from, IOpenApiSchema? to, string segment)
        {
            if (from is null || to is null)
            {
                return;
            }
            foreach (var change in Compare(views.Get(from), views.Get(to), direction, out var childCut))
            {
                changes.Add(change.Under(segment));
                cutAt = Math.Min(cutAt, childCut);
            }
        }
        var (before, after) = (@base.Facts, revision.Facts);
        Nested(before.Not, after.Not, "(not)");
        Nested(before.AdditionalProperties, after.AdditionalProperties, "(additionalProperties)");
        foreach (var (keyword, node) in before.Applicators)
        {
            if (after.Applicators.TryGetValue(keyword, out var revised))
            {
                Nested(fragments.Base(node), fragments.Revision(revised), $"({keyword})");
            }
        }
        for (var i = 0; i < Math.Min(before.PrefixItems?.Count ?? 0, after.PrefixItems?.Count ?? 0); i++)
        {
            if (before.PrefixItems![i] is { } from && after.PrefixItems![i] is { } to)
            {
                Nested(fragments.Base(from), fragments.Revision(to), $"[{i}]");
            }
        }
        return cutAt;
    }

    /// <summary>Servers ignore read-only properties sent to them and never send write-only ones back.</summary>
    private static bool Ignored(SchemaView property, Direction direction) =>
        direction == Direction.Request ? property.ReadOnly : property.WriteOnly;
}
