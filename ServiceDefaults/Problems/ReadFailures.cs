using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace IntegrationGateway.ServiceDefaults.Problems;

/// <summary>
/// Says why the framework could not read a request in the contract's words: the field's JSON path and what was wrong
/// with it. The framework's own messages name .NET types ("List`1[System.String]", "StorefrontOrderRequest request"),
/// which are ours, not the caller's, so they never leave.
/// </summary>
public static partial class ReadFailures
{
    public static (string Detail, Dictionary<string, object?>? Extensions) Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var field = Field(json.Path);
            var (detail, message) = Classify(json, field);
            return (detail, field is null ? null : Errors(field, message));
        }
        if (BindFailure().Match(bad.Message) is { Success: true } bind)
        {
            var name = bind.Groups["name"].Value;
            return ($"The parameter '{name}' could not be read.", Errors(name, "The value is not one this parameter accepts."));
        }
        if (MissingParameter().Match(bad.Message) is { Success: true } missing)
        {
            var name = missing.Groups["name"].Value;
            return ($"The parameter '{name}' is required.", Errors(name, "A value is required."));
        }
        return (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType
            ? "Send the body as application/json in UTF-8."
            : "The request could not be read.", null);
    }

    private static (string Detail, string Message) Classify(JsonException json, string? field)
    {
        var where = field is null ? "" : $" at '{field}'";
        var position = json.LineNumber is { } line ? $" (line {line + 1}, byte {json.BytePositionInLine + 1})" : "";
        var text = json.Message;
        if (text.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return ($"A property appears more than once{where}{position}.", "The property appears more than once.");
        }
        if (MissingRequired().Match(text) is { Success: true } required)
        {
            var names = required.Groups["names"].Value;
            return ($"Required properties are missing: {names}.", "A required property is missing.");
        }
        if (text.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            return ($"The value{where} is not of the type or one of the values the contract allows{position}.", "The value is not one this field accepts.");
        }
        return ($"The body is not valid JSON{where}{position}.", "The value is not valid JSON.");
    }

    private static string? Field(string? path) => path is { Length: > 2 } && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;

    private static Dictionary<string, object?> Errors(string field, string message) =>
        new() { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } };

    // 'Failed to bind parameter "int limit" from "abc".' names the parameter after its .NET type.
    [GeneratedRegex("""parameter "(?:[^"]*\s)?(?<name>[A-Za-z_][\w-]*)" from""")]
    private static partial Regex BindFailure();

    [GeneratedRegex("""Required parameter "(?:[^"]*\s)?(?<name>[A-Za-z_][\w-]*)" was not provided""")]
    private static partial Regex MissingParameter();

    [GeneratedRegex("""missing required properties including: (?<names>.+?)\.?\s*(Path:|$)""")]
    private static partial Regex MissingRequired();
}
