using System.Globalization;

namespace IntegrationGateway.ContractTool.Diff.Schemas;

internal static class Bounds
{
    public static readonly Bound[] All =
    [
        Bound.Maximum, Bound.ExclusiveMaximum, Bound.MaxLength, Bound.MaxItems,
        Bound.Minimum, Bound.ExclusiveMinimum, Bound.MinLength, Bound.MinItems, Bound.MinContains, Bound.MaxContains,
    ];

    public static bool IsUpper(Bound bound) => bound is Bound.Maximum or Bound.ExclusiveMaximum or Bound.MaxLength or Bound.MaxItems or Bound.MaxContains;

    /// <summary>oasdiff's token for the bound inside check ids, e.g. request-property-max-length-decreased.</summary>
    public static string Token(Bound bound) => bound switch
    {
        Bound.Maximum => "max",
        Bound.ExclusiveMaximum => "exclusive-max",
        Bound.MaxLength => "max-length",
        Bound.MaxItems => "max-items",
        Bound.Minimum => "min",
        Bound.ExclusiveMinimum => "exclusive-min",
        Bound.MinLength => "min-length",
        Bound.MinItems => "min-items",
        Bound.MinContains => "min-contains",
        Bound.MaxContains => "max-contains",
        _ => throw new ArgumentOutOfRangeException(nameof(bound)),
    };

    /// <summary>The keyword as written in the contract, for messages.</summary>
    public static string Keyword(Bound bound) => bound switch
    {
        Bound.Maximum => "maximum",
        Bound.ExclusiveMaximum => "exclusiveMaximum",
        Bound.MaxLength => "maxLength",
        Bound.MaxItems => "maxItems",
        Bound.Minimum => "minimum",
        Bound.ExclusiveMinimum => "exclusiveMinimum",
        Bound.MinLength => "minLength",
        Bound.MinItems => "minItems",
        Bound.MinContains => "minContains",
        Bound.MaxContains => "maxContains",
        _ => throw new ArgumentOutOfRangeException(nameof(bound)),
    };

    /// <summary>
    /// Numbers are kept as decimals so that 10 and 10.0 are the same bound; a value the reader kept but that is
    /// not a number (3.0's boolean exclusiveMinimum) is no bound at all.
    /// </summary>
    public static decimal? Parse(string? value) =>
        decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    public static string Format(decimal value) => value.ToString("G29", CultureInfo.InvariantCulture);

    public static void Compare(Bound bound, decimal? from, decimal? to, string path, List<SchemaChange> changes)
    {
        if (from == to)
        {
            return;
        }
        var kind = (from, to) switch
        {
            (null, _) => SchemaChangeKind.BoundSet,
            (_, null) => SchemaChangeKind.BoundUnset,
            _ when to > from => SchemaChangeKind.BoundIncreased,
            _ => SchemaChangeKind.BoundDecreased,
        };
        changes.Add(new SchemaChange(kind, path, from is { } f ? Format(f) : null, to is { } t ? Format(t) : null, Bound: bound));
    }
}
