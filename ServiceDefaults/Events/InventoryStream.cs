using System.Buffers.Text;
using System.Text;
using System.Text.RegularExpressions;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace IntegrationGateway.ServiceDefaults.Events;

/// <summary>
/// The JetStream stream of this product's events (availability, and order moves), as both its writer (the process API's relay) and its readers (the
/// experience APIs) know it: one subject per channel x SKU, so the broker keeps each SKU's events in order.
/// </summary>
public static partial class InventoryStream
{
    public const string SubjectPrefix = "inventory.availability";

    /// <summary>Where the other events (order.*) go: a subject per channel, so a channel's order moves stay in order.</summary>
    public const string OrderSubjectPrefix = "inventory.orders";

    /// <summary>The outbox position of the event a message carries, so a reader can tell how far it has come.</summary>
    public const string PositionHeader = "Ig-Position";

    public static string Subject(string channel, string sku) => $"{SubjectPrefix}.{Token(channel)}.{Token(sku)}";

    /// <summary>The subject of an outbox event: availability per channel x SKU, anything else per channel.</summary>
    public static string SubjectOf(string type, string? channel, string? sku) =>
        type == "inventory.availability.changed" && channel is not null && sku is not null
            ? Subject(channel, sku)
            : $"{OrderSubjectPrefix}.{Token(channel ?? "none")}";

    /// <summary>
    /// A subject token for a value: itself when it is made of [A-Za-z0-9_-] only; otherwise '~' and the base64url of
    /// its UTF-8 (a '~' never occurs in a value kept as itself, so two values never share a token).
    /// </summary>
    public static string Token(string value) =>
        PlainToken().IsMatch(value) ? value : "~" + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(value));

    /// <summary>Creates the stream, or brings an existing one to this configuration (both sides may start first).</summary>
    public static async Task<INatsJSStream> EnsureAsync(INatsJSContext js, EventsOptions options, CancellationToken cancellationToken)
    {
        var config = new StreamConfig(options.Nats.Stream, [SubjectPrefix + ".>", OrderSubjectPrefix + ".>"])
        {
            Storage = StreamConfigStorage.File,
            DuplicateWindow = options.Nats.DuplicateWindow,
            // The stream keeps what the outbox keeps; older events are in every snapshot already.
            MaxAge = options.Retention,
        };
        return await js.CreateOrUpdateStreamAsync(config, cancellationToken);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex PlainToken();
}
