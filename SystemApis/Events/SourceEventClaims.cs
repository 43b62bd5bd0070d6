using System.Data.Common;
using Dapper;
using IntegrationGateway.SystemApis.Idempotency;

namespace IntegrationGateway.SystemApis.Events;

/// <summary>
/// Claims (source, event id) in the applying transaction, whatever Idempotency-Key carried it: a concurrent
/// redelivery waits on the claim (PostgreSQL row, SQLite write lock) and then finds the first answer.
/// </summary>
public static class SourceEventClaims
{
    /// <summary>Null when this transaction now holds the event; otherwise the first answer, or 422 for another body.</summary>
    public static async Task<StoredAnswer?> ClaimAsync(DbConnection connection, DbTransaction transaction, string source, string eventId,
        string fingerprint, long now, CancellationToken cancellationToken)
    {
        const string claim = """
            INSERT INTO source_events (source, event_id, fingerprint, status_code, response_body, created_at)
            VALUES (@source, @eventId, @fingerprint, 0, '', @now)
            ON CONFLICT (source, event_id) DO NOTHING
            """;
        var claimed = await connection.ExecuteAsync(new CommandDefinition(claim, new { source, eventId, fingerprint, now }, transaction, cancellationToken: cancellationToken));
        if (claimed == 1)
        {
            return null;
        }
        const string prior = """
            SELECT fingerprint AS Fingerprint, status_code AS StatusCode, response_body AS ResponseBody
            FROM source_events WHERE source = @source AND event_id = @eventId
            """;
        var first = await connection.QuerySingleAsync<PriorEvent>(new CommandDefinition(prior, new { source, eventId }, transaction, cancellationToken: cancellationToken));
        return first.Fingerprint == fingerprint
            ? new StoredAnswer(first.StatusCode, "application/json", first.ResponseBody)
            : EventProblems.EventIdTaken(source, eventId);
    }

    public static Task SaveAnswerAsync(DbConnection connection, DbTransaction transaction, string source, string eventId, StoredAnswer answer, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE source_events SET status_code = @StatusCode, response_body = @Body
            WHERE source = @source AND event_id = @eventId
            """;
        return connection.ExecuteAsync(new CommandDefinition(sql, new { source, eventId, answer.StatusCode, answer.Body }, transaction, cancellationToken: cancellationToken));
    }

    private sealed record PriorEvent
    {
        public string Fingerprint { get; init; } = "";
        public int StatusCode { get; init; }
        public string ResponseBody { get; init; } = "";
    }
}
