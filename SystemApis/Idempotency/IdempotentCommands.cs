using System.Data.Common;
using Dapper;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.ServiceDefaults.Idempotency;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.SystemApis.Ledger;

namespace IntegrationGateway.SystemApis.Idempotency;

/// <summary>
/// Runs a state change and records its answer under the Idempotency-Key in one transaction: the change and
/// the record commit together or not at all, so a key is never half-applied. A replay with the same request
/// gets the first answer; the same key with another request gets 422.
/// </summary>
public sealed class IdempotentCommands(Database database, TimeProvider time)
{
    /// <summary>
    /// The whole life of a stock-moving POST once the group's contract validation has admitted its key and body:
    /// the change runs once under the key.
    /// </summary>
    public async Task<IResult> HandleAsync<TRequest>(string? key, TRequest request, string operation, HttpContext context,
        Func<DbConnection, DbTransaction, Provenance, Task<StoredAnswer>> change, CancellationToken cancellationToken)
        where TRequest : class
    {
        var provenance = Provenance.Of(context);
        return await RunAsync(key!, IdempotencyKey.Fingerprint(operation, request),
            (connection, transaction) => change(connection, transaction, provenance), cancellationToken);
    }

    public async Task<IResult> RunAsync(string key, string fingerprint, Func<DbConnection, DbTransaction, Task<StoredAnswer>> change, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);

        // Claiming the key first makes a concurrent duplicate wait on this row (PostgreSQL) or the write lock (SQLite).
        const string claim = """
            INSERT INTO idempotency_keys (idempotency_key, fingerprint, status_code, content_type, response_body, created_at)
            VALUES (@key, @fingerprint, 0, '', '', @now)
            ON CONFLICT (idempotency_key) DO NOTHING
            """;
        var claimed = await connection.ExecuteAsync(new CommandDefinition(claim,
            new { key, fingerprint, now = time.GetUtcNow().ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken));
        if (claimed == 0)
        {
            var prior = await ReadPriorAsync(connection, transaction, key, cancellationToken);
            return prior.Fingerprint == fingerprint
                ? new StoredAnswer(prior.StatusCode, prior.ContentType, prior.ResponseBody).ToResult()
                : Problem.IdempotencyKeyReused();
        }

        var answer = await change(connection, transaction);
        const string save = """
            UPDATE idempotency_keys SET status_code = @StatusCode, content_type = @ContentType, response_body = @Body
            WHERE idempotency_key = @key
            """;
        await connection.ExecuteAsync(new CommandDefinition(save,
            new { key, answer.StatusCode, answer.ContentType, answer.Body }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return answer.ToResult();
    }

    private static Task<PriorAnswer> ReadPriorAsync(DbConnection connection, DbTransaction transaction, string key, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT fingerprint AS Fingerprint, status_code AS StatusCode, content_type AS ContentType, response_body AS ResponseBody
            FROM idempotency_keys WHERE idempotency_key = @key
            """;
        return connection.QuerySingleAsync<PriorAnswer>(new CommandDefinition(sql, new { key }, transaction, cancellationToken: cancellationToken));
    }

    private sealed record PriorAnswer
    {
        public string Fingerprint { get; init; } = "";
        public int StatusCode { get; init; }
        public string ContentType { get; init; } = "";
        public string ResponseBody { get; init; } = "";
    }
}
