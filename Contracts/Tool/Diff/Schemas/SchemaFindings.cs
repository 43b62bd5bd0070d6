using IntegrationGateway.ContractTool.Reports;
using K = IntegrationGateway.ContractTool.Diff.Schemas.SchemaChangeKind;

namespace IntegrationGateway.ContractTool.Diff.Schemas;

/// <summary>
/// Names schema changes with oasdiff's ids and levels. The same change has opposite weight by direction: a
/// client must cope with every value a response may hold, and a server must accept every value a request did.
/// </summary>
internal static class SchemaFindings
{
    public static void Report(FindingSink sink, Func<SchemaSite> where, IReadOnlyList<SchemaChange> changes)
    {
        if (changes.Count > 0)
        {
            Report(sink, where(), changes);
        }
    }

    public static void Report(FindingSink sink, SchemaSite site, IReadOnlyList<SchemaChange> changes)
    {
        foreach (var change in changes)
        {
            var named = site.Direction == Direction.Response ? Response(site, change)
                : site.IsParameter && change.Path.Length > 0 ? ParameterProperty(change)
                : Request(site, change);
            if (named is { } finding)
            {
                sink.Add(finding.Id, finding.Level, SchemaMessages.Describe(site, change));
            }
        }
    }

    private static (string Id, Level Level)? Request(SchemaSite site, SchemaChange change)
    {
        var prefix = site.Prefix(change.Path);
        var patternPrefix = site.IsParameter ? "request-parameter" : "request-property";
        return change.Kind switch
        {
            K.PropertyAdded => change.Required ? ("new-required-request-property", Level.Err) : ("new-optional-request-property", Level.Info),
            K.PropertyRemoved => ("request-property-removed", Level.Warn),
            K.BecameRequired => ("request-property-became-required", Level.Err),
            K.BecameOptional => ("request-property-became-optional", Level.Info),
            K.BecameNullable => ($"{prefix}-became-nullable", Level.Info),
            K.BecameNotNullable => ($"{prefix}-became-not-nullable", Level.Err),
            K.TypeChanged or K.TypeSpecialized => ($"{prefix}-type-changed", Level.Err),
            K.TypeGeneralized => ($"{prefix}-type-generalized", Level.Info),
            K.EnumValueAdded => ($"{prefix}-enum-value-added", Level.Info),
            K.EnumValueRemoved => ($"{prefix}-enum-value-removed", Level.Err),
            K.BecameEnum => ($"{prefix}-became-enum", Level.Err),
            K.BecameNotEnum => ($"{prefix}-became-not-enum", Level.Info),
            K.PatternAdded => ($"{patternPrefix}-pattern-added", Level.Err),
            K.PatternRemoved => ($"{patternPrefix}-pattern-removed", Level.Info),
            K.PatternChanged => ($"{patternPrefix}-pattern-changed", Level.Warn),
            _ => RequestBound(prefix, change),
        };
    }

    /// <summary>oasdiff reports only type, enum and nullability inside object-valued parameters.</summary>
    private static (string Id, Level Level)? ParameterProperty(SchemaChange change) => change.Kind switch
    {
        K.TypeChanged => ("request-parameter-property-type-changed", Level.Warn),
        K.TypeGeneralized => ("request-parameter-property-type-generalized", Level.Info),
        K.TypeSpecialized => ("request-parameter-property-type-specialized", Level.Err),
        K.EnumValueAdded => ("request-parameter-property-enum-value-added", Level.Info),
        K.EnumValueRemoved => ("request-parameter-property-enum-value-removed", Level.Err),
        K.BecameNullable => ("request-parameter-property-became-nullable", Level.Info),
        K.BecameNotNullable => ("request-parameter-property-became-not-nullable", Level.Err),
        _ => null,
    };

    private static (string Id, Level Level)? Response(SchemaSite site, SchemaChange change)
    {
        var root = change.Path.Length == 0;
        var prefix = site.Prefix(change.Path);
        return change.Kind switch
        {
            K.PropertyAdded => change.Required ? ("response-required-property-added", Level.Info) : ("response-optional-property-added", Level.Info),
            K.PropertyRemoved => change.Required ? ("response-required-property-removed", Level.Err) : ("response-optional-property-removed", Level.Info),
            K.BecameOptional => ("response-property-became-optional", Level.Err),
            K.BecameRequired => ("response-property-became-required", Level.Info),
            K.BecameNullable => ($"{prefix}-became-nullable", Level.Err),
            K.BecameNotNullable => ($"{prefix}-became-not-nullable", Level.Info),
            K.TypeChanged => ($"{prefix}-type-changed", Level.Err),
            K.TypeGeneralized => ($"{prefix}-type-generalized", Level.Err),
            K.TypeSpecialized => ($"{prefix}-type-specialized", Level.Info),
            K.EnumValueAdded => ("response-property-enum-value-added", Level.Warn),
            K.EnumValueRemoved => root ? ("response-mediatype-enum-value-removed", Level.Info) : ("response-property-enum-value-removed", Level.Info),
            K.BecameNotEnum => root ? ("response-mediatype-became-not-enum", Level.Warn) : ("response-property-became-not-enum", Level.Warn),
            K.BecameEnum => null,
            K.PatternAdded => ("response-property-pattern-added", Level.Info),
            K.PatternRemoved => ("response-property-pattern-removed", Level.Err),
            K.PatternChanged => ("response-property-pattern-changed", Level.Warn),
            _ => ResponseBound(prefix, change),
        };
    }

    /// <summary>A request bound breaks clients when it narrows what they may send; setting one always does.</summary>
    private static (string Id, Level Level)? RequestBound(string prefix, SchemaChange change)
    {
        var upper = Bounds.IsUpper(change.Bound);
        var id = $"{prefix}-{Bounds.Token(change.Bound)}";
        // oasdiff has a "-set" id for most bounds; for the others a new bound reads as one tightened from none.
        var hasSet = change.Bound is not (Bound.MinLength or Bound.MaxItems);
        return change.Kind switch
        {
            K.BoundIncreased => upper ? ($"{id}-increased", Level.Info) : ($"{id}-increased", Level.Err),
            K.BoundDecreased => upper ? ($"{id}-decreased", Level.Err) : ($"{id}-decreased", Level.Info),
            K.BoundSet => (hasSet ? $"{id}-set" : upper ? $"{id}-decreased" : $"{id}-increased", Level.Err),
            K.BoundUnset => (upper ? $"{id}-increased" : $"{id}-decreased", Level.Info),
            _ => null,
        };
    }

    /// <summary>A response bound breaks clients when it widens what they may receive; tightening is silent.</summary>
    private static (string Id, Level Level)? ResponseBound(string prefix, SchemaChange change)
    {
        var upper = Bounds.IsUpper(change.Bound);
        var id = $"{prefix}-{Bounds.Token(change.Bound)}";
        var hasUnset = change.Bound is Bound.MaxLength or Bound.MinItems;
        return change.Kind switch
        {
            K.BoundIncreased when upper => ($"{id}-increased", Level.Err),
            K.BoundDecreased when !upper => ($"{id}-decreased", Level.Err),
            K.BoundUnset => (hasUnset ? $"{id}-unset" : upper ? $"{id}-increased" : $"{id}-decreased", Level.Err),
            _ => null,
        };
    }
}
