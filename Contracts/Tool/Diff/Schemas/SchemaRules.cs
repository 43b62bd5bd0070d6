using Microsoft.OpenApi;

namespace IntegrationGateway.ContractTool.Diff.Schemas;

/// <summary>The comparisons of one schema's own facts: type and format, enum values, pattern.</summary>
internal static class SchemaRules
{
    private enum Widening { Same, Wider, Narrower, Changed }

    private static bool IsList(JsonSchemaType types) => System.Numerics.BitOperations.PopCount((uint)types) > 1;

    /// <summary>True when the two sides accept no common type, so comparing their insides would only add noise.</summary>
    public static bool TypeChanged(SchemaView @base, SchemaView revision)
    {
        var (from, to) = (@base.EffectiveTypes, revision.EffectiveTypes);
        return from != 0 && to != 0 && !Covers(from, to) && !Covers(to, from) && (from & to) == 0;
    }

    public static void CompareType(SchemaView @base, SchemaView revision, List<SchemaChange> changes)
    {
        var (from, to) = (@base.EffectiveTypes, revision.EffectiveTypes);
        if (from == to && @base.Format == revision.Format)
        {
            return;
        }
        // 3.1 type lists ([string, integer]) are compared as sets: each type added widens, each removed narrows.
        if (from != to && from != 0 && to != 0 && (IsList(from) || IsList(to)))
        {
            if ((to & ~from) != 0)
            {
                changes.Add(SchemaChange.Named("list-of-types-widened", $"added the types {Describe(to & ~from, null)} to"));
            }
            if ((from & ~to) != 0)
            {
                changes.Add(SchemaChange.Named("list-of-types-narrowed", $"removed the types {Describe(from & ~to, null)} from"));
            }
            return;
        }
        var widening = from != to ? TypeWidening(from, to) : FormatWidening(@base.Format, revision.Format);
        var kind = widening switch
        {
            Widening.Same => (SchemaChangeKind?)null,
            Widening.Wider => SchemaChangeKind.TypeGeneralized,
            Widening.Narrower => SchemaChangeKind.TypeSpecialized,
            _ => SchemaChangeKind.TypeChanged,
        };
        if (kind is { } k)
        {
            changes.Add(new SchemaChange(k, "", Describe(from, @base.Format), Describe(to, revision.Format)));
        }
    }

    public static void CompareEnum(SchemaView @base, SchemaView revision, List<SchemaChange> changes)
    {
        if (@base.Enum.Count == 0 && revision.Enum.Count == 0)
        {
            return;
        }
        if (@base.Enum.Count == 0)
        {
            changes.Add(new SchemaChange(SchemaChangeKind.BecameEnum, "", To: string.Join(", ", revision.Enum)));
            return;
        }
        if (revision.Enum.Count == 0)
        {
            changes.Add(new SchemaChange(SchemaChangeKind.BecameNotEnum, "", From: string.Join(", ", @base.Enum)));
            return;
        }
        foreach (var value in @base.Enum.Except(revision.Enum, StringComparer.Ordinal))
        {
            changes.Add(new SchemaChange(SchemaChangeKind.EnumValueRemoved, "", From: value));
        }
        foreach (var value in revision.Enum.Except(@base.Enum, StringComparer.Ordinal))
        {
            changes.Add(new SchemaChange(SchemaChangeKind.EnumValueAdded, "", To: value));
        }
    }

    public static void ComparePattern(string? from, string? to, List<SchemaChange> changes)
    {
        if (from == to)
        {
            return;
        }
        var kind = from is null ? SchemaChangeKind.PatternAdded : to is null ? SchemaChangeKind.PatternRemoved : SchemaChangeKind.PatternChanged;
        changes.Add(new SchemaChange(kind, "", from, to));
    }

    private static Widening TypeWidening(JsonSchemaType from, JsonSchemaType to) =>
        from == 0 ? Widening.Narrower
        : to == 0 ? Widening.Wider
        : Covers(to, from) ? Widening.Wider
        : Covers(from, to) ? Widening.Narrower
        : Widening.Changed;

    /// <summary>Every value of the narrow types is a value of the wide ones; an integer is a number.</summary>
    private static bool Covers(JsonSchemaType wide, JsonSchemaType narrow)
    {
        if (wide.HasFlag(JsonSchemaType.Number))
        {
            wide |= JsonSchemaType.Integer;
        }
        return (narrow & ~wide) == 0;
    }

    private static Widening FormatWidening(string? from, string? to) => (from, to) switch
    {
        (_, null) => Widening.Wider,
        (null, _) => Widening.Narrower,
        ("int32", "int64") or ("float", "double") => Widening.Wider,
        ("int64", "int32") or ("double", "float") => Widening.Narrower,
        _ => Widening.Changed,
    };

    private static string Describe(JsonSchemaType types, string? format)
    {
        var names = types == 0
            ? "any"
            : string.Join("|", Enum.GetValues<JsonSchemaType>().Where(t => t != JsonSchemaType.Null && types.HasFlag(t)).Select(t => t.ToString().ToLowerInvariant()));
        return format is null ? names : $"{names}/{format}";
    }
}
