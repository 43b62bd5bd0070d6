using IntegrationGateway.Contracts.Process;

namespace IntegrationGateway.ProcessApis.Webhooks;

/// <summary>A row of webhook_subscriptions.</summary>
public sealed record SubscriptionRow
{
    public string Id { get; init; } = "";
    public string ChannelId { get; init; } = "";
    public string Url { get; init; } = "";
    public string Events { get; init; } = "";
    public string Secret { get; init; } = "";
    public string? PreviousSecret { get; init; }
    public long? PreviousSecretUntil { get; init; }
    public bool Enabled { get; init; }
    public string? DisabledReason { get; init; }
    public long? FailingSince { get; init; }
    public long StartPosition { get; init; }
    public long CreatedAt { get; init; }

    public const string Columns = """
        id AS Id, channel_id AS ChannelId, url AS Url, events AS Events, secret AS Secret, previous_secret AS PreviousSecret,
        previous_secret_until AS PreviousSecretUntil, enabled AS Enabled, disabled_reason AS DisabledReason,
        failing_since AS FailingSince, start_position AS StartPosition, created_at AS CreatedAt
        """;

    public IReadOnlyList<string> EventTypes => Events.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool Wants(string type) => EventTypes.Contains(type, StringComparer.Ordinal);

    /// <summary>The secrets that sign a delivery at <paramref name="nowMs"/>: the current one, and the previous during its window.</summary>
    public IEnumerable<string> SigningSecrets(long nowMs) =>
        PreviousSecret is { } previous && PreviousSecretUntil > nowMs ? [Secret, previous] : [Secret];

    public WebhookSubscription ToContract(long nowMs) => new()
    {
        Id = Id,
        Url = Url,
        Events = [.. EventTypes],
        State = Enabled ? WebhookState.Enabled : WebhookState.Disabled,
        DisabledReason = Enabled ? null : DisabledReason,
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
        PreviousSecretExpiresAt = PreviousSecret is not null && PreviousSecretUntil > nowMs ? DateTimeOffset.FromUnixTimeMilliseconds(PreviousSecretUntil.Value) : null,
    };
}
