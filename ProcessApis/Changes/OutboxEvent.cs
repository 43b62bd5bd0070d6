namespace IntegrationGateway.ProcessApis.Changes;

/// <summary>
/// A row of outbox_events, the one shape every writer and reader of the outbox uses: producers append it with its
/// data serialised as at commit (position 0 until then); the events feed, the webhook fan-out and replays read it back.
/// </summary>
public sealed record OutboxEvent
{
    /// <summary>The type of a channel x SKU availability figure.</summary>
    public const string AvailabilityChanged = "inventory.availability.changed";

    public const string Columns = """
        position AS Position, event_id AS EventId, type AS Type, subject AS Subject, channel_id AS ChannelId, sku AS Sku,
        sequence AS Sequence, data AS Data, correlation_id AS CorrelationId, occurred_at AS OccurredAt
        """;

    public long Position { get; init; }
    public string EventId { get; init; } = "";
    public string Type { get; init; } = "";
    public string Subject { get; init; } = "";
    public string? ChannelId { get; init; }
    public string? Sku { get; init; }
    public long? Sequence { get; init; }
    public string Data { get; init; } = "{}";
    public string? CorrelationId { get; init; }
    public long OccurredAt { get; init; }

    /// <summary>Events of one SKU (else of one subject) are delivered in order.</summary>
    public string OrderKey => Sku is { } sku ? "sku:" + sku : "subject:" + Subject;

    /// <summary>A channel x SKU availability figure: a newer one of the same SKU supersedes it while it waits.</summary>
    public bool Supersedable => Type == AvailabilityChanged && Sku is not null && Sequence is not null;
}
