namespace IntegrationGateway.ContractTool.Diff.Schemas;

/// <summary>
/// Where a compared schema sits, which decides both the oasdiff id family of its changes (request-parameter-,
/// request-property-, response-body-...) and how a message names the thing that changed.
/// </summary>
internal sealed record SchemaSite(Direction Direction, string RootPrefix, string PropertyPrefix, Func<string, string> Describe, string Suffix)
{
    public bool IsParameter => RootPrefix == "request-parameter";

    public bool IsHeader { get; private init; }

    public static SchemaSite Parameter(string location, string name) => new(
        Direction.Request,
        "request-parameter",
        "request-parameter-property",
        path => path.Length == 0 ? $"{location} request parameter {name}" : $"property {path} of the {location} request parameter {name}",
        "")
    {
        IsHeader = location == "header",
    };

    public static SchemaSite RequestBody { get; } = new(
        Direction.Request,
        "request-body",
        "request-property",
        path => path.Length == 0 ? "request body" : $"request property {path}",
        "");

    public static SchemaSite Response(string status) => new(
        Direction.Response,
        "response-body",
        "response-property",
        path => path.Length == 0 ? "response body" : $"response property {path}",
        $" (status {status})");

    public string Prefix(string path) => path.Length == 0 ? RootPrefix : PropertyPrefix;
}
