using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IntegrationGateway.ProcessApis.Events;
using IntegrationGateway.ProcessApis.Changes;

namespace IntegrationGateway.ProcessApis.Webhooks;

/// <summary>
/// The body of a delivery, per Standard Webhooks: <c>{type, timestamp, data}</c> with the event's data as committed.
/// An availability message says which sequences it covers and carries, as previous, the figure before the oldest of
/// them, which is the one the receiver last got.
/// </summary>
public static partial class WebhookEvents
{
    public const string AvailabilityChanged = AvailabilityPublisher.EventType;
    public const string AvailabilitySnapshot = "inventory.availability.snapshot";
    public const int MaxTypeLength = 64;

    public static bool IsEventType(string? type) => type is { Length: > 0 and <= MaxTypeLength } && EventType().IsMatch(type);

    public static string Body(string type, long occurredAt, JsonObject data) =>
        new JsonObject
        {
            ["type"] = type,
            ["timestamp"] = DateTimeOffset.FromUnixTimeMilliseconds(occurredAt).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["data"] = data,
        }.ToJsonString();

    /// <summary>One event's body; an availability figure covering <paramref name="fromSequence"/> to its own sequence.</summary>
    public static string Body(OutboxEvent e, long? fromSequence = null, int? previous = null)
    {
        var data = Data(e);
        if (e.Supersedable)
        {
            if (fromSequence is { } from && from != e.Sequence)
            {
                data["previous"] = previous is { } p ? JsonValue.Create(p) : null;
            }
            data["coveredSequences"] = new JsonObject { ["from"] = fromSequence ?? e.Sequence, ["to"] = e.Sequence };
        }
        return Body(e.Type, e.OccurredAt, data);
    }

    /// <summary>The figure before this event (its data's previous), null when it has none.</summary>
    public static int? Previous(OutboxEvent e) =>
        Data(e)["previous"] is JsonValue value && value.TryGetValue<int>(out var previous) ? previous : null;

    private static JsonObject Data(OutboxEvent e)
    {
        try
        {
            return JsonNode.Parse(e.Data) as JsonObject ?? new JsonObject { ["value"] = JsonNode.Parse(e.Data) };
        }
        catch (JsonException)
        {
            // The outbox holds JSON written by this service; anything else is passed on as text rather than lost.
            return new JsonObject { ["raw"] = e.Data };
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)+$")]
    private static partial Regex EventType();
}
