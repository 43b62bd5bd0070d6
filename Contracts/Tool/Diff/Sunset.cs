using System.Globalization;
using Microsoft.OpenApi;

namespace IntegrationGateway.ContractTool.Diff;

/// <summary>
/// The x-sunset extension (a date, or a date-time as oasdiff also accepts): the day from which a deprecated
/// operation or parameter may be removed.
/// </summary>
internal readonly record struct Sunset(bool Present, DateOnly? Date, string Text)
{
    public const string Extension = "x-sunset";

    public bool Unreadable => Present && Date is null;

    public static Sunset Of(IDictionary<string, IOpenApiExtension>? extensions)
    {
        if (extensions is null || !extensions.TryGetValue(Extension, out var extension))
        {
            return new Sunset(false, null, "");
        }
        var text = extension is JsonNodeExtension { Node: { } node }
            ? node.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString()
            : "";
        return new Sunset(true, Parse(text), text);
    }

    private static DateOnly? Parse(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)
            ? DateOnly.FromDateTime(moment.UtcDateTime)
            : null;
    }
}
