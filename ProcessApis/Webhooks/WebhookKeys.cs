using System.Data.Common;
using System.Text.Json;
using Dapper;

namespace IntegrationGateway.ProcessApis.Webhooks;

/// <summary>
/// Idempotency-Keys of the webhook commands, each one transaction: the key is claimed, the change made and the answer
/// stored in the same commit, so a retry gets the first answer and no crash leaves a key half done. On PostgreSQL a
/// second request with the key waits at the claim until the first commits.
/// </summary>
public static class WebhookKeys
{
    public abstract record Claim
    {
        public sealed record Granted : Claim;
        public sealed record Replay(string Body) : Claim;
        public sealed record Mismatch : Claim;
    }

    public static async Task<Claim> ClaimAsync(DbConnection connection, DbTransaction transaction, string scope, string key, string fingerprint, long now, CancellationToken cancellationToken)
    {
        const string claim = """
            INSERT INTO idempotency_keys (scope, idempotency_key, fingerprint, status_code, content_type, response_body, created_at)
            VALUES (@scope, @key, @fingerprint, 0, '', '', @now)
            ON CONFLICT (scope, idempotency_key) DO NOTHING
            """;
        const string read = "SELECT fingerprint AS Fingerprint, response_body AS Body FROM idempotency_keys WHERE scope = @scope AND idempotency_key = @key";
        if (await connection.ExecuteAsync(new CommandDefinition(claim, new { scope, key, fingerprint, now }, transaction, cancellationToken: cancellationToken)) == 1)
        {
            return new Claim.Granted();
        }
        var prior = await connection.QuerySingleAsync<(string Fingerprint, string Body)>(new CommandDefinition(read, new { scope, key }, transaction, cancellationToken: cancellationToken));
        return prior.Fingerprint == fingerprint ? new Claim.Replay(prior.Body) : new Claim.Mismatch();
    }

    public static Task CompleteAsync<T>(DbConnection connection, DbTransaction transaction, string scope, string key, int status, T answer, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE idempotency_keys SET status_code = @status, content_type = 'application/json', response_body = @body
            WHERE scope = @scope AND idempotency_key = @key
            """;
        var body = JsonSerializer.Serialize(answer, JsonSerializerOptions.Web);
        return connection.ExecuteAsync(new CommandDefinition(sql, new { scope, key, status, body }, transaction, cancellationToken: cancellationToken));
    }

    public static T Read<T>(string body) => JsonSerializer.Deserialize<T>(body, JsonSerializerOptions.Web)!;
}
