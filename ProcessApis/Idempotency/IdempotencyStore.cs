using System.Data.Common;
using System.Text.Json;
using Dapper;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.ProcessApis.Idempotency;

/// <summary>
/// Idempotency-Keys of commands that span several calls to the ERP, so they cannot share one transaction
/// with their effects: a key is claimed first, then completed with the answer, or abandoned when the work
/// left nothing behind and may run again.
/// </summary>
public sealed class IdempotencyStore(Database database, TimeProvider time)
{
    public async Task<KeyClaim> ClaimAsync(string scope, string key, string fingerprint, CancellationToken cancellationToken)
    {
        const string claim = """
            INSERT INTO idempotency_keys (scope, idempotency_key, fingerprint, status_code, content_type, response_body, created_at)
            VALUES (@scope, @key, @fingerprint, 0, '', '', @now)
            ON CONFLICT (scope, idempotency_key) DO NOTHING
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(claim,
            new { scope, key, fingerprint, now = time.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
        if (inserted == 1)
        {
            return new KeyClaim.Granted();
        }
        const string read = """
            SELECT fingerprint AS Fingerprint, status_code AS StatusCode, content_type AS ContentType, response_body AS ResponseBody
            FROM idempotency_keys WHERE scope = @scope AND idempotency_key = @key
            """;
        var prior = await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(read, new { scope, key }, cancellationToken: cancellationToken));
        return prior switch
        {
            // Abandoned between our insert and read: the caller may simply retry.
            null => new KeyClaim.InProgress(),
            _ when prior.Fingerprint != fingerprint => new KeyClaim.Mismatch(),
            { StatusCode: 0 } => new KeyClaim.InProgress(),
            _ => new KeyClaim.Replay(prior.StatusCode, prior.ContentType, prior.ResponseBody),
        };
    }

    public async Task CompleteAsync<T>(string scope, string key, int statusCode, string contentType, T body, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await CompleteAsync(connection, null, scope, key, statusCode, contentType, body, cancellationToken);
    }

    /// <summary>
    /// Stores the answer inside the caller's transaction, so the change it reports and the key's completion commit
    /// together: no crash can leave a key in progress for work that is done.
    /// </summary>
    public static Task CompleteAsync<T>(DbConnection connection, DbTransaction? transaction, string scope, string key, int statusCode, string contentType, T body,
        CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE idempotency_keys SET status_code = @statusCode, content_type = @contentType, response_body = @json
            WHERE scope = @scope AND idempotency_key = @key
            """;
        var json = JsonSerializer.Serialize(body, JsonSerializerOptions.Web);
        return connection.ExecuteAsync(new CommandDefinition(sql, new { scope, key, statusCode, contentType, json }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Keys claimed longer than <paramref name="age"/> ago and still in progress: their request died mid-way (a crash).</summary>
    public async Task<IReadOnlyList<(string Scope, string Key)>> ListInProgressAsync(TimeSpan age, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT scope AS Scope, idempotency_key AS IdempotencyKey FROM idempotency_keys
            WHERE status_code = 0 AND created_at < @before ORDER BY created_at LIMIT 100
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<InProgressRow>(new CommandDefinition(sql, new { before = time.GetUtcNow().Subtract(age).ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
        return rows.Select(r => (r.Scope, r.IdempotencyKey)).ToList();
    }

    /// <summary>Forgets a claim whose work changed nothing that stays, so the same request may be retried.</summary>
    public async Task AbandonAsync(string scope, string key)
    {
        const string sql = "DELETE FROM idempotency_keys WHERE scope = @scope AND idempotency_key = @key AND status_code = 0";
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { scope, key }));
    }

    private sealed record InProgressRow
    {
        public string Scope { get; init; } = "";
        public string IdempotencyKey { get; init; } = "";
    }

    private sealed record KeyRow
    {
        public string Fingerprint { get; init; } = "";
        public int StatusCode { get; init; }
        public string ContentType { get; init; } = "";
        public string ResponseBody { get; init; } = "";
    }
}
