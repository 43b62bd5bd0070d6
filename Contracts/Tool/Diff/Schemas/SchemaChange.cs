namespace IntegrationGateway.ContractTool.Diff.Schemas;

/// <summary>What changed between two schemas, before it is named for a request parameter, body or response.</summary>
internal enum SchemaChangeKind
{
    PropertyAdded,
    PropertyRemoved,
    BecameRequired,
    BecameOptional,
    BecameNullable,
    BecameNotNullable,
    TypeChanged,
    TypeGeneralized,
    TypeSpecialized,
    EnumValueAdded,
    EnumValueRemoved,
    BecameEnum,
    BecameNotEnum,
    PatternAdded,
    PatternRemoved,
    PatternChanged,
    BoundIncreased,
    BoundDecreased,
    BoundSet,
    BoundUnset,

    /// <summary>
    /// A change oasdiff names by keyword (oneOf, discriminator, const, default, if, contains, deprecated...): Token
    /// is the id's tail after the request-body/request-property/response-... prefix, From the words for it.
    /// </summary>
    Keyword,
}

/// <summary>The numeric and size limits a schema can put on a value, with oasdiff's spelling of each.</summary>
internal enum Bound
{
    None,
    Maximum,
    ExclusiveMaximum,
    MaxLength,
    MaxItems,
    Minimum,
    ExclusiveMinimum,
    MinLength,
    MinItems,
    MinContains,
    MaxContains,
}

/// <summary>
/// One change found at Path below the compared schema ("" for the schema itself, "lines[].quantity" for a nested
/// property). Required says whether an added or removed property is required on the side that has it.
/// </summary>
internal readonly record struct SchemaChange(
    SchemaChangeKind Kind,
    string Path,
    string? From = null,
    string? To = null,
    bool Required = false,
    Bound Bound = Bound.None,
    string? Token = null)
{
    public SchemaChange Under(string prefix) => this with { Path = SchemaPath.Join(prefix, Path) };

    public static SchemaChange Named(string token, string words, string path = "") => new(SchemaChangeKind.Keyword, path, From: words, Token: token);
}

internal static class SchemaPath
{
    public const string Items = "[]";

    public static string Join(string prefix, string path) =>
        prefix.Length == 0 ? path
        : path.Length == 0 ? prefix
        : path.StartsWith('[') || path.StartsWith('(') ? prefix + path
        : prefix + "." + path;
}
