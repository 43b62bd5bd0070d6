using System.Text.Json;
using Microsoft.OpenApi;

namespace IntegrationGateway.ContractTool.Diff;

/// <summary>
/// oasdiff's x-stability-level: draft &lt; alpha &lt; beta &lt; stable. Lowering it takes back a promise made to
/// clients; a value outside the four is itself an error.
/// </summary>
internal readonly record struct Stability(bool Present, int? Rank, string Text)
{
    public const string Extension = "x-stability-level";

    private static readonly string[] Order = ["draft", "alpha", "beta", "stable"];

    public bool Invalid => Present && Rank is null;

    public static Stability Of(IDictionary<string, IOpenApiExtension>? extensions)
    {
        if (extensions is null || !extensions.TryGetValue(Extension, out var extension))
        {
            return new Stability(false, null, "");
        }
        var text = extension is JsonNodeExtension { Node: { } node }
            ? node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString()
            : "";
        var rank = Array.IndexOf(Order, text);
        return new Stability(true, rank >= 0 ? rank : null, text);
    }

    /// <summary>"decreased", "increased" or null, when both sides state a valid level.</summary>
    public static string? Compare(Stability @base, Stability revision) =>
        @base.Rank is { } from && revision.Rank is { } to && from != to ? (to < from ? "decreased" : "increased") : null;
}
