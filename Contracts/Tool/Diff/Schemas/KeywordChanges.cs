namespace IntegrationGateway.ContractTool.Diff.Schemas;

/// <summary>
/// The changes of one schema's own keywords beyond type, enum, pattern and bounds, named by oasdiff's id tails
/// (const-added, default-value-changed, discriminator-mapping-deleted, if-removed...). Whether an id exists for
/// the place the schema sits (a body, a property, a parameter) is decided when the change is named.
/// </summary>
internal static class KeywordChanges
{
    public static void Compare(SchemaFacts @base, SchemaFacts revision, DateOnly today, List<SchemaChange> changes)
    {
        if (ReferenceEquals(@base, revision))
        {
            return;
        }
        Value("const", "const", @base.Const, revision.Const, changes);
        Value("default-value", "default value", @base.Default, revision.Default, changes);
        Discriminator(@base, revision, changes);
        foreach (var removed in @base.ExtensibleEnum.Except(revision.ExtensibleEnum, StringComparer.Ordinal))
        {
            changes.Add(SchemaChange.Named("x-extensible-enum-value-removed", $"removed the x-extensible-enum value {removed} from"));
        }
        Presence(@base, revision, changes);
        Keys("dependent-required", "dependentRequired entry", @base.DependentRequired.Keys, revision.DependentRequired.Keys, changes);
        foreach (var (key, value) in @base.DependentRequired)
        {
            if (revision.DependentRequired.TryGetValue(key, out var revised) && revised != value)
            {
                changes.Add(SchemaChange.Named("dependent-required-changed", $"changed the dependentRequired entry {key} from [{value}] to [{revised}] of"));
            }
        }
        Keys("dependent-schema", "dependentSchemas entry", @base.DependentSchemas.Keys, revision.DependentSchemas.Keys, changes);
        Keys("pattern-property", "patternProperties entry", @base.PatternProperties, revision.PatternProperties, changes);
        var (fromItems, toItems) = (@base.PrefixItems?.Count ?? 0, revision.PrefixItems?.Count ?? 0);
        for (var i = toItems; i < fromItems; i++)
        {
            changes.Add(SchemaChange.Named("prefix-items-removed", $"removed the prefixItems position {i} from"));
        }
        for (var i = fromItems; i < toItems; i++)
        {
            changes.Add(SchemaChange.Named("prefix-items-added", $"added the prefixItems position {i} to"));
        }
        if (@base.ContentMediaType != revision.ContentMediaType)
        {
            changes.Add(SchemaChange.Named("content-media-type-changed", $"changed the contentMediaType from '{@base.ContentMediaType}' to '{revision.ContentMediaType}' of"));
        }
        if (@base.ContentEncoding != revision.ContentEncoding)
        {
            changes.Add(SchemaChange.Named("content-encoding-changed", $"changed the contentEncoding from '{@base.ContentEncoding}' to '{revision.ContentEncoding}' of"));
        }
        PropertyLifecycle.Compare(@base, revision, today, changes);
    }

    private static void Value(string token, string words, string? from, string? to, List<SchemaChange> changes)
    {
        if (from == to)
        {
            return;
        }
        changes.Add(from is null ? SchemaChange.Named($"{token}-added", $"set the {words} {to} on")
            : to is null ? SchemaChange.Named($"{token}-removed", $"removed the {words} {from} from")
            : SchemaChange.Named($"{token}-changed", $"changed the {words} from {from} to {to} of"));
    }

    private static void Discriminator(SchemaFacts @base, SchemaFacts revision, List<SchemaChange> changes)
    {
        var (from, to) = (@base.DiscriminatorProperty, revision.DiscriminatorProperty);
        if (from is null && to is null)
        {
            return;
        }
        if (from is null || to is null)
        {
            changes.Add(from is null ? SchemaChange.Named("discriminator-added", $"added a discriminator on {to} to")
                : SchemaChange.Named("discriminator-removed", $"removed the discriminator on {from} from"));
            return;
        }
        if (from != to)
        {
            changes.Add(SchemaChange.Named("discriminator-property-name-changed", $"changed the discriminator property from {from} to {to} of"));
        }
        var before = @base.DiscriminatorMapping ?? new Dictionary<string, string>();
        var after = revision.DiscriminatorMapping ?? new Dictionary<string, string>();
        foreach (var key in after.Keys.Except(before.Keys).Order(StringComparer.Ordinal))
        {
            changes.Add(SchemaChange.Named("discriminator-mapping-added", $"added the discriminator mapping {key} to"));
        }
        foreach (var (key, target) in before.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!after.TryGetValue(key, out var revised))
            {
                changes.Add(SchemaChange.Named("discriminator-mapping-deleted", $"removed the discriminator mapping {key} from"));
            }
            else if (revised != target)
            {
                changes.Add(SchemaChange.Named("discriminator-mapping-changed", $"changed the discriminator mapping {key} from {target} to {revised} of"));
            }
        }
    }

    private static void Presence(SchemaFacts @base, SchemaFacts revision, List<SchemaChange> changes)
    {
        foreach (var keyword in @base.Applicators.Keys.Union(revision.Applicators.Keys).Order(StringComparer.Ordinal))
        {
            var (had, has) = (@base.Applicators.ContainsKey(keyword) || Flag(@base, keyword), revision.Applicators.ContainsKey(keyword) || Flag(revision, keyword));
            if (had != has)
            {
                changes.Add(SchemaChange.Named($"{Token(keyword)}-{(has ? "added" : "removed")}", $"{(has ? "added" : "removed")} {keyword} {(has ? "to" : "from")}"));
            }
        }
        if (@base.NoUnevaluatedProperties != revision.NoUnevaluatedProperties
            && !@base.Applicators.ContainsKey("unevaluatedProperties") && !revision.Applicators.ContainsKey("unevaluatedProperties"))
        {
            var has = revision.NoUnevaluatedProperties;
            changes.Add(SchemaChange.Named($"unevaluated-properties-{(has ? "added" : "removed")}", $"{(has ? "added" : "removed")} unevaluatedProperties: false {(has ? "to" : "from")}"));
        }
    }

    private static bool Flag(SchemaFacts facts, string keyword) => keyword == "unevaluatedProperties" && facts.NoUnevaluatedProperties;

    private static void Keys(string token, string words, IEnumerable<string> from, IEnumerable<string> to, List<SchemaChange> changes)
    {
        var before = from.ToHashSet(StringComparer.Ordinal);
        var after = to.ToHashSet(StringComparer.Ordinal);
        foreach (var key in after.Except(before).Order(StringComparer.Ordinal))
        {
            changes.Add(SchemaChange.Named($"{token}-added", $"added the {words} {key} to"));
        }
        foreach (var key in before.Except(after).Order(StringComparer.Ordinal))
        {
            changes.Add(SchemaChange.Named($"{token}-removed", $"removed the {words} {key} from"));
        }
    }

    /// <summary>propertyNames is property-names in ids, unevaluatedItems is unevaluated-items, and so on.</summary>
    public static string Token(string keyword) =>
        string.Concat(keyword.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
