using System.Data.Common;
using Dapper;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.ProcessApis.Feeds;

/// <summary>Feed versions of each channel and the append-only history of what each version published.</summary>
public sealed class FeedStore(Database database, TimeProvider time)
{
    /// <summary>The version an Idempotency-Key already produced, with the version it was asked against.</summary>
    public async Task<FeedVersion?> FindAsync(string channel, string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, channel, key, cancellationToken);
    }

    /// <summary>
    /// Stores <paramref name="published"/> as the channel's next version: only the SKUs whose quantity differs from
    /// the latest version are written. Null when <paramref name="since"/> is not a version this feed has.
    /// </summary>
    public async Task<FeedVersion?> RecordAsync(string channel, string key, long? since, IReadOnlyDictionary<string, int> published, CancellationToken cancellationToken)
    {
        const string latestSql = "SELECT MAX(version) FROM channel_feed_versions WHERE channel_id = @channel";
        const string versionSql = """
            INSERT INTO channel_feed_versions (channel_id, version, idempotency_key, since_version, created_at)
            VALUES (@channel, @version, @key, @since, @now)
            """;
        const string changeSql = "INSERT INTO channel_feed_changes (channel_id, sku, version, quantity) VALUES (@channel, @Sku, @version, @Quantity)";
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        await Database.SerializeAppendsAsync(connection, transaction, "feed:" + channel, cancellationToken);
        // A concurrent request with the same key may have committed while this one read the ERP.
        if (await FindAsync(connection, transaction, channel, key, cancellationToken) is { } existing)
        {
            return existing;
        }
        var latest = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(latestSql, new { channel }, transaction, cancellationToken: cancellationToken)) ?? 0;
        if (since is { } asked && (asked < 1 || asked > latest))
        {
            return null;
        }
        var version = latest + 1;
        var before = await StateAsync(connection, transaction, channel, latest, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(versionSql,
            new { channel, version, key, since, now = time.GetUtcNow().ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken));
        var changes = published.Where(p => !before.TryGetValue(p.Key, out var told) || told != p.Value)
            .Select(p => new { channel, Sku = p.Key, version, Quantity = p.Value });
        await connection.ExecuteAsync(new CommandDefinition(changeSql, changes, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new FeedVersion(version, since);
    }

    /// <summary>The SKUs whose published quantity at <paramref name="version"/> differs from that at <paramref name="since"/> (all, when null).</summary>
    public async Task<IReadOnlyList<(string Sku, int Quantity)>> ChangesAsync(string channel, FeedVersion version, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var now = await StateAsync(connection, null, channel, version.Version, cancellationToken);
        var then = version.Since is { } since ? await StateAsync(connection, null, channel, since, cancellationToken) : [];
        return now.Where(n => !then.TryGetValue(n.Key, out var told) || told != n.Value)
            .OrderBy(n => n.Key, StringComparer.Ordinal)
            .Select(n => (n.Key, n.Value))
            .ToList();
    }

    private static async Task<FeedVersion?> FindAsync(DbConnection connection, DbTransaction? transaction, string channel, string key, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT version AS Version, since_version AS Since FROM channel_feed_versions
            WHERE channel_id = @channel AND idempotency_key = @key
            """;
        var row = await connection.QuerySingleOrDefaultAsync<VersionRow>(new CommandDefinition(sql, new { channel, key }, transaction, cancellationToken: cancellationToken));
        return row is null ? null : new FeedVersion(row.Version, row.Since);
    }

    /// <summary>What the channel was told of each SKU at a version: each SKU's latest change at or before it.</summary>
    private static async Task<Dictionary<string, int>> StateAsync(DbConnection connection, DbTransaction? transaction, string channel, long at, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT c.sku AS Sku, c.quantity AS Quantity FROM channel_feed_changes c
            WHERE c.channel_id = @channel AND c.version = (
                SELECT MAX(d.version) FROM channel_feed_changes d
                WHERE d.channel_id = c.channel_id AND d.sku = c.sku AND d.version <= @at)
            """;
        var rows = await connection.QueryAsync<ChangeRow>(new CommandDefinition(sql, new { channel, at }, transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Sku, r => r.Quantity, StringComparer.Ordinal);
    }

    private sealed record VersionRow
    {
        public long Version { get; init; }
        public long? Since { get; init; }
    }

    private sealed record ChangeRow
    {
        public string Sku { get; init; } = "";
        public int Quantity { get; init; }
    }
}

/// <summary>A feed version and the version its answer is reported against (null: the whole feed).</summary>
public sealed record FeedVersion(long Version, long? Since);
