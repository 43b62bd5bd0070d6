namespace IntegrationGateway.ProcessApis.Webhooks;

/// <summary>A row of outbox_events as the webhook fan-out reads it.</summary>
public sealed record OutboxEvent
{
    public long Position { get; init; }
    public string EventId { get; init; } = "";
    public string Type { get; init; } = "";
    public string Subject { get; init; } = "";
    public string? ChannelId { get; init; }
    public string? Sku { get; init; }
    public long? Sequence { get; init; }
    public string Data { get; init; } = "";
    public long OccurredAt { get; init; }

    /// <summary>Deliveries of one SKU (else of one subject) go out in order.</summary>
    public string OrderKey => Sku is { } sku ? "sku:" + sku : "subject:" + Subject;

    /// <summary>An availability figure: a newer one of the same SKU supersedes it while it waits.</summary>
    public bool Supersedable => Type == WebhookEvents.AvailabilityChanged && Sku is not null && Sequence is not null;

    public const string Columns = """
        position AS Position, event_id AS EventId, type AS Type, subject AS Subject, channel_id AS ChannelId, sku AS Sku,
        sequence AS Sequence, data AS Data, occurred_at AS OccurredAt
        """;
}
