using IntegrationGateway.ContractTool.Rules;
using K = IntegrationGateway.ContractTool.Diff.Schemas.SchemaChangeKind;

namespace IntegrationGateway.ContractTool.Diff.Schemas;

/// <summary>
/// Names schema changes with oasdiff's ids; levels come from the rule catalogue. The same change has opposite
/// weight by direction: a client must cope with every value a response may hold, and a server must accept every
/// value a request did. A change is reported only where oasdiff has an id for it at that place (a bound set on a
/// response, or a const on a parameter, has none), which is how the catalogue, not this file, decides silence.
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
            var id = site.Direction == Direction.Response ? Response(site, change)
                : site.IsParameter && change.Path.Length > 0 ? ParameterProperty(site, change)
                : Request(site, change);
            if (id is not null && RuleCatalog.Contains(id))
            {
                sink.Add(id, SchemaMessages.Describe(site, change));
            }
        }
    }

    private static string? Request(SchemaSite site, SchemaChange change)
    {
        var prefix = site.Prefix(change.Path);
        var patternPrefix = site.IsParameter ? "request-parameter" : "request-property";
        return change.Kind switch
        {
            K.PropertyAdded => change.Required ? "new-required-request-property" : "new-optional-request-property",
            K.PropertyRemoved => "request-property-removed",
            K.BecameRequired => "request-property-became-required",
            K.BecameOptional => "request-property-became-optional",
            K.BecameNullable => $"{prefix}-became-nullable",
            K.BecameNotNullable => $"{prefix}-became-not-nullable",
            K.TypeChanged or K.TypeSpecialized => $"{prefix}-type-changed",
            K.TypeGeneralized => $"{prefix}-type-generalized",
            K.EnumValueAdded => $"{prefix}-enum-value-added",
            K.EnumValueRemoved => $"{prefix}-enum-value-removed",
            K.BecameEnum => $"{prefix}-became-enum",
            K.BecameNotEnum => $"{prefix}-became-not-enum",
            K.PatternAdded => $"{patternPrefix}-pattern-added",
            K.PatternRemoved => $"{patternPrefix}-pattern-removed",
            K.PatternChanged => $"{patternPrefix}-pattern-changed",
            K.Keyword => Keyword(prefix, change),
            _ => Bound(prefix, change),
        };
    }

    /// <summary>
    /// oasdiff reports only type, enum and nullability inside object-valued parameters, and for header parameters
    /// also new required properties, properties becoming required and properties restricted to an enum.
    /// </summary>
    private static string? ParameterProperty(SchemaSite site, SchemaChange change) => change.Kind switch
    {
        K.TypeChanged => "request-parameter-property-type-changed",
        K.TypeGeneralized => "request-parameter-property-type-generalized",
        K.TypeSpecialized => "request-parameter-property-type-specialized",
        K.EnumValueAdded => "request-parameter-property-enum-value-added",
        K.EnumValueRemoved => "request-parameter-property-enum-value-removed",
        K.BecameNullable => "request-parameter-property-became-nullable",
        K.BecameNotNullable => "request-parameter-property-became-not-nullable",
        K.Keyword when change.Token is "list-of-types-widened" or "list-of-types-narrowed" => $"request-parameter-property-{change.Token}",
        K.PropertyAdded when site.IsHeader && change.Required => "new-required-request-header-property",
        K.BecameRequired when site.IsHeader => "request-header-property-became-required",
        K.BecameEnum when site.IsHeader => "request-header-property-became-enum",
        _ => null,
    };

    private static string? Response(SchemaSite site, SchemaChange change)
    {
        var root = change.Path.Length == 0;
        var prefix = site.Prefix(change.Path);
        return change.Kind switch
        {
            K.PropertyAdded => change.Required ? "response-required-property-added" : "response-optional-property-added",
            K.PropertyRemoved => change.Required ? "response-required-property-removed" : "response-optional-property-removed",
            K.BecameOptional => "response-property-became-optional",
            K.BecameRequired => "response-property-became-required",
            K.BecameNullable => $"{prefix}-became-nullable",
            K.BecameNotNullable => $"{prefix}-became-not-nullable",
            K.TypeChanged => $"{prefix}-type-changed",
            K.TypeGeneralized => $"{prefix}-type-generalized",
            K.TypeSpecialized => $"{prefix}-type-specialized",
            K.EnumValueAdded => "response-property-enum-value-added",
            K.EnumValueRemoved => root ? "response-mediatype-enum-value-removed" : "response-property-enum-value-removed",
            K.BecameNotEnum => root ? "response-mediatype-became-not-enum" : "response-property-became-not-enum",
            K.BecameEnum => null,
            K.PatternAdded => "response-property-pattern-added",
            K.PatternRemoved => "response-property-pattern-removed",
            K.PatternChanged => "response-property-pattern-changed",
            K.Keyword => Keyword(prefix, change),
            _ => Bound(prefix, change),
        };
    }

    /// <summary>
    /// oasdiff compares a bound only when both sides have one; a bound set or unset is its own id where oasdiff
    /// has one (request-property-max-set, response-property-max-length-unset) and silent where it has none.
    /// </summary>
    private static string? Bound(string prefix, SchemaChange change)
    {
        var verb = change.Kind switch
        {
            K.BoundIncreased => "increased",
            K.BoundDecreased => "decreased",
            K.BoundSet => "set",
            K.BoundUnset => "unset",
            _ => null,
        };
        return verb is null ? null : $"{prefix}-{Bounds.Token(change.Bound)}-{verb}";
    }

    /// <summary>A schema wrapped in a oneOf is one body-level id; below the body it reads as oneOf subschemas added.</summary>
    private static string Keyword(string prefix, SchemaChange change) =>
        change.Token == "wrapped-in-one-of" && change.Path.Length > 0 ? $"{prefix}-one-of-added" : $"{prefix}-{change.Token}";
}
