using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ServiceDefaults.Idempotency;
using IntegrationGateway.ServiceDefaults.Storage;
using Microsoft.Extensions.Options;

namespace IntegrationGateway.ProcessApis.Webhooks;

/// <summary>A channel's webhook subscriptions: create (with backfill), read, page, delete, rotate the secret.</summary>
public sealed class SubscriptionStore(Database database, WebhookClock clock, IOptions<WebhookOptions> options)
{
    public abstract record Outcome<T>
    {
        public sealed record Done(T Answer) : Outcome<T>;
        public sealed record KeyReused : Outcome<T>;
        public sealed record NotFound : Outcome<T>;
    }

    public async Task<Outcome<WebhookSubscriptionCreated>> CreateAsync(string channel, string key, WebhookSubscriptionRequest request, CancellationToken cancellationToken)
    {
        const string startSql = "SELECT COALESCE(MAX(position), 0) FROM outbox_events";
        const string insertSql = """
            INSERT INTO webhook_subscriptions (id, channel_id, url, events, secret, enabled, start_position, created_at)
            VALUES (@id, @channel, @Url, @events, @secret, 1, @start, @now)
            """;
        var now = clock.NowMs;
        var scope = "webhooks:create:" + channel;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        switch (await WebhookKeys.ClaimAsync(connection, transaction, scope, key, IdempotencyKey.Fingerprint("create-webhook", request), now, cancellationToken))
        {
            case WebhookKeys.Claim.Replay replay:
                return new Outcome<WebhookSubscriptionCreated>.Done(WebhookKeys.Read<WebhookSubscriptionCreated>(replay.Body));
            case WebhookKeys.Claim.Mismatch:
                return new Outcome<WebhookSubscriptionCreated>.KeyReused();
        }
        var start = await connection.ExecuteScalarAsync<long>(new CommandDefinition(startSql, transaction: transaction, cancellationToken: cancellationToken));
        var row = new SubscriptionRow
        {
            Id = "wh_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ChannelId = channel,
            Url = request.Url,
            Events = string.Join(' ', request.Events),
            Secret = WebhookSignature.NewSecret(),
            Enabled = true,
            StartPosition = start,
            CreatedAt = now,
        };
        await connection.ExecuteAsync(new CommandDefinition(insertSql,
            new { id = row.Id, channel, request.Url, events = row.Events, secret = row.Secret, start, now }, transaction, cancellationToken: cancellationToken));
        var backfilled = request.Backfill == true ? await BackfillAsync(connection, transaction, row, now, cancellationToken) : 0;
        var view = row.ToContract(now);
        var answer = new WebhookSubscriptionCreated
        {
            Id = view.Id, Url = view.Url, Events = view.Events, State = view.State, CreatedAt = view.CreatedAt,
            Secret = row.Secret, Backfilled = backfilled,
        };
        await WebhookKeys.CompleteAsync(connection, transaction, scope, key, 201, answer, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Outcome<WebhookSubscriptionCreated>.Done(answer);
    }

    /// <summary>
    /// Queues the channel's current figure of every SKU, each as of its sequence, ahead of the stream. An event the
    /// snapshot already reflects (committed between the two reads) is then skipped by the fan-out, by its sequence.
    /// </summary>
    private static async Task<int> BackfillAsync(DbConnection connection, DbTransaction transaction, SubscriptionRow subscription, long now, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT sku AS Sku, sequence AS Sequence, available AS Available, locations AS Locations, source_version AS SourceVersion, updated_at AS UpdatedAt
            FROM channel_availability WHERE channel_id = @ChannelId ORDER BY sku
            """;
        var rows = (await connection.QueryAsync<FigureRow>(new CommandDefinition(sql, new { subscription.ChannelId }, transaction, cancellationToken: cancellationToken))).ToList();
        foreach (var figure in rows)
        {
            var data = new JsonObject
            {
                ["channel"] = subscription.ChannelId,
                ["sku"] = figure.Sku,
                ["available"] = figure.Available,
                ["sequence"] = figure.Sequence,
                ["locations"] = ParseOrText(figure.Locations),
                ["sourceVersion"] = figure.SourceVersion,
            };
            var webhookId = "snap_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{subscription.Id}\n{figure.Sku}\n{figure.Sequence}")))[..40];
            await WebhookMessages.InsertAsync(connection, transaction, subscription.Id, "sku:" + figure.Sku, webhookId, WebhookEvents.AvailabilitySnapshot,
                mergeable: false, figure.Sequence, figure.Sequence, null, WebhookEvents.Body(WebhookEvents.AvailabilitySnapshot, figure.UpdatedAt, data), now, cancellationToken);
        }
        return rows.Count;
    }

    private static JsonNode? ParseOrText(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return text;
        }
    }

    public async Task<SubscriptionRow?> FindAsync(string channel, string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, channel, id, cancellationToken);
    }

    public static Task<SubscriptionRow?> FindAsync(DbConnection connection, DbTransaction? transaction, string channel, string id, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {SubscriptionRow.Columns} FROM webhook_subscriptions WHERE id = @id AND channel_id = @channel";
        return connection.QuerySingleOrDefaultAsync<SubscriptionRow>(new CommandDefinition(sql, new { id, channel }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>One page, newest first, after the (created_at, id) of the previous page's last entry.</summary>
    public async Task<IReadOnlyList<SubscriptionRow>> PageAsync(string channel, long beforeCreated, string beforeId, int limit, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {SubscriptionRow.Columns} FROM webhook_subscriptions
            WHERE channel_id = @channel AND (created_at < @beforeCreated OR (created_at = @beforeCreated AND id < @beforeId))
            ORDER BY created_at DESC, id DESC LIMIT @limit
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<SubscriptionRow>(new CommandDefinition(sql, new { channel, beforeCreated, beforeId, limit }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Deletes the subscription with everything queued for it and its log: a deleted subscription is gone, unlike a disabled one.</summary>
    public async Task<bool> DeleteAsync(string channel, string id, CancellationToken cancellationToken)
    {
        const string subscriptionSql = "DELETE FROM webhook_subscriptions WHERE id = @id AND channel_id = @channel";
        const string messagesSql = "DELETE FROM webhook_messages WHERE subscription_id = @id";
        const string attemptsSql = "DELETE FROM webhook_attempts WHERE subscription_id = @id";
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(subscriptionSql, new { id, channel }, transaction, cancellationToken: cancellationToken)) == 0)
        {
            return false;
        }
        await connection.ExecuteAsync(new CommandDefinition(messagesSql, new { id }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(attemptsSql, new { id }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>A new secret; the old one keeps signing beside it for the rotation window.</summary>
    public async Task<Outcome<WebhookSecret>> RotateAsync(string channel, string id, string key, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE webhook_subscriptions SET previous_secret = secret, previous_secret_until = @until, secret = @secret
            WHERE id = @id AND channel_id = @channel
            """;
        var now = clock.NowMs;
        var scope = "webhooks:rotate:" + id;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        switch (await WebhookKeys.ClaimAsync(connection, transaction, scope, key, IdempotencyKey.Fingerprint("rotate-webhook-secret", new { channel, id }), now, cancellationToken))
        {
            case WebhookKeys.Claim.Replay replay:
                return new Outcome<WebhookSecret>.Done(WebhookKeys.Read<WebhookSecret>(replay.Body));
            case WebhookKeys.Claim.Mismatch:
                return new Outcome<WebhookSecret>.KeyReused();
        }
        var until = now + (long)options.Value.RotationWindow.TotalMilliseconds;
        var secret = WebhookSignature.NewSecret();
        if (await connection.ExecuteAsync(new CommandDefinition(sql, new { until, secret, id, channel }, transaction, cancellationToken: cancellationToken)) == 0)
        {
            return new Outcome<WebhookSecret>.NotFound();
        }
        var answer = new WebhookSecret { Id = id, Secret = secret, PreviousSecretExpiresAt = options.Value.RotationWindow > TimeSpan.Zero ? DateTimeOffset.FromUnixTimeMilliseconds(until) : null };
        await WebhookKeys.CompleteAsync(connection, transaction, scope, key, 200, answer, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Outcome<WebhookSecret>.Done(answer);
    }

    private sealed record FigureRow
    {
        public string Sku { get; init; } = "";
        public long Sequence { get; init; }
        public int Available { get; init; }
        public string Locations { get; init; } = "";
        public long SourceVersion { get; init; }
        public long UpdatedAt { get; init; }
    }
}
