using Dapper;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.ProcessApis.Webhooks;

/// <summary>Every attempt of a subscription's deliveries, newest first, for its owner to read.</summary>
public sealed class DeliveryLog(Database database)
{
    public async Task<IReadOnlyList<(long Id, WebhookDelivery Delivery)>> PageAsync(string subscription, long beforeId, int limit, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id AS Id, webhook_id AS WebhookId, event_type AS EventType, first_sequence AS FirstSequence, last_sequence AS LastSequence,
                   attempt AS Attempt, attempted_at AS AttemptedAt, status_code AS StatusCode, error AS Error, next_attempt_at AS NextAttemptAt
            FROM webhook_attempts WHERE subscription_id = @subscription AND id < @beforeId
            ORDER BY id DESC LIMIT @limit
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AttemptRow>(new CommandDefinition(sql, new { subscription, beforeId, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => (r.Id, new WebhookDelivery
        {
            WebhookId = r.WebhookId,
            EventType = r.EventType,
            FromSequence = r.FirstSequence,
            ToSequence = r.LastSequence,
            Attempt = r.Attempt,
            AttemptedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.AttemptedAt),
            StatusCode = r.StatusCode,
            Error = r.Error,
            NextAttemptAt = r.NextAttemptAt is { } next ? DateTimeOffset.FromUnixTimeMilliseconds(next) : null,
        })).ToList();
    }

    private sealed record AttemptRow
    {
        public long Id { get; init; }
        public string WebhookId { get; init; } = "";
        public string EventType { get; init; } = "";
        public long? FirstSequence { get; init; }
        public long? LastSequence { get; init; }
        public int Attempt { get; init; }
        public long AttemptedAt { get; init; }
        public int? StatusCode { get; init; }
        public string? Error { get; init; }
        public long? NextAttemptAt { get; init; }
    }
}
