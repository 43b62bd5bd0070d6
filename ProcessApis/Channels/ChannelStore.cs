using System.Data.Common;
using Dapper;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ProcessApis.Changes;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.ProcessApis.Channels;

public sealed class ChannelStore(Database database, AvailabilityWork work, TimeProvider time)
{
    public async Task<Channel?> FindAsync(string id, CancellationToken cancellationToken)
    {
        const string channelSql = "SELECT id AS Id, channel_type AS Type, sourcing_strategy AS Strategy FROM channels WHERE id = @id";
        const string locationsSql = """
            SELECT channel_id AS ChannelId, location AS Location, priority AS Priority FROM channel_locations
            WHERE channel_id = @id ORDER BY priority, location
            """;
        const string rulesSql = $"SELECT {RuleRow.Columns} FROM channel_rules WHERE channel_id = @id ORDER BY sku_class";
        await using var connection = await database.OpenAsync(cancellationToken);
        var channel = await connection.QuerySingleOrDefaultAsync<ChannelRow>(new CommandDefinition(channelSql, new { id }, cancellationToken: cancellationToken));
        if (channel is null)
        {
            return null;
        }
        var locations = await connection.QueryAsync<LocationRow>(new CommandDefinition(locationsSql, new { id }, cancellationToken: cancellationToken));
        var rules = await connection.QueryAsync<RuleRow>(new CommandDefinition(rulesSql, new { id }, cancellationToken: cancellationToken));
        return channel.ToContract(locations, rules);
    }

    public async Task<IReadOnlyList<Channel>> ListAsync(CancellationToken cancellationToken)
    {
        const string channelsSql = "SELECT id AS Id, channel_type AS Type, sourcing_strategy AS Strategy FROM channels ORDER BY id";
        const string locationsSql = "SELECT channel_id AS ChannelId, location AS Location, priority AS Priority FROM channel_locations ORDER BY priority, location";
        const string rulesSql = $"SELECT {RuleRow.Columns} FROM channel_rules ORDER BY sku_class";
        await using var connection = await database.OpenAsync(cancellationToken);
        // One command, one round trip: the publisher lists the channels on every pass.
        await using var reads = await connection.QueryMultipleAsync(new CommandDefinition(
            channelsSql + ";\n" + locationsSql + ";\n" + rulesSql, cancellationToken: cancellationToken));
        var channels = (await reads.ReadAsync<ChannelRow>()).AsList();
        var locations = (await reads.ReadAsync<LocationRow>()).ToLookup(l => l.ChannelId);
        var rules = (await reads.ReadAsync<RuleRow>()).ToLookup(r => r.ChannelId);
        return channels.Select(c => c.ToContract(locations[c.Id], rules[c.Id])).ToList();
    }

    /// <summary>Creates or replaces a channel with its locations and rules in one transaction. True when created.</summary>
    public async Task<bool> UpsertAsync(string id, ChannelDefinition definition, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM channels WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken)) > 0;
        const string upsert = """
            INSERT INTO channels (id, channel_type, sourcing_strategy, updated_at) VALUES (@id, @type, @strategy, @now)
            ON CONFLICT (id) DO UPDATE SET channel_type = excluded.channel_type, sourcing_strategy = excluded.sourcing_strategy,
                updated_at = excluded.updated_at
            """;
        await connection.ExecuteAsync(new CommandDefinition(upsert, new
        {
            id,
            type = WireNames.Of(definition.Type),
            strategy = WireNames.Of(definition.SourcingStrategy ?? SourcingStrategy.Priority),
            now = time.GetUtcNow().ToUnixTimeMilliseconds(),
        }, transaction, cancellationToken: cancellationToken));
        await ReplaceChildrenAsync(connection, transaction, id, definition, cancellationToken);
        // New locations or rules change what the channel is told of every SKU.
        await AvailabilityMarks.MarkChannelAsync(connection, transaction, id, time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        work.Nudge();
        return !exists;
    }

    /// <summary>Adds the channel with no locations (every ERP location) and no rules, unless it exists. True when added.</summary>
    public async Task<bool> AddIfAbsentAsync(string id, ChannelType type, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO channels (id, channel_type, sourcing_strategy, updated_at) VALUES (@id, @type, @strategy, @now)
            ON CONFLICT (id) DO NOTHING
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            id,
            type = WireNames.Of(type),
            strategy = WireNames.Of(SourcingStrategy.Priority),
            now = time.GetUtcNow().ToUnixTimeMilliseconds(),
        }, cancellationToken: cancellationToken)) == 1;
    }

    private static async Task ReplaceChildrenAsync(DbConnection connection, DbTransaction transaction, string id, ChannelDefinition definition, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM channel_locations WHERE channel_id = @id", new { id }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM channel_rules WHERE channel_id = @id", new { id }, transaction, cancellationToken: cancellationToken));
        const string location = "INSERT INTO channel_locations (channel_id, location, priority) VALUES (@id, @Location, @Priority)";
        await connection.ExecuteAsync(new CommandDefinition(location,
            (definition.Locations ?? []).Select(l => new { id, l.Location, l.Priority }), transaction, cancellationToken: cancellationToken));
        const string rule = """
            INSERT INTO channel_rules (channel_id, sku_class, stock_percent, buffer_units, max_published, end_when)
            VALUES (@id, @SkuClass, @StockPercent, @Buffer, @MaxPublished, @EndWhen)
            """;
        await connection.ExecuteAsync(new CommandDefinition(rule,
            (definition.Rules ?? []).Select(r => new { id, r.SkuClass, r.StockPercent, r.Buffer, r.MaxPublished, EndWhen = r.EndWhen ?? 0 }),
            transaction, cancellationToken: cancellationToken));
    }

    private sealed record ChannelRow
    {
        public string Id { get; init; } = "";
        public string Type { get; init; } = "";
        public string Strategy { get; init; } = "";

        public Channel ToContract(IEnumerable<LocationRow> locations, IEnumerable<RuleRow> rules) => new()
        {
            Id = Id,
            Type = WireNames.Parse<ChannelType>(Type),
            SourcingStrategy = WireNames.Parse<SourcingStrategy>(Strategy),
            Locations = locations.Select(l => new ChannelLocation { Location = l.Location, Priority = l.Priority }).ToList(),
            Rules = rules.Select(r => new ChannelRule
            {
                SkuClass = r.SkuClass,
                StockPercent = r.StockPercent,
                Buffer = r.Buffer,
                MaxPublished = r.MaxPublished,
                EndWhen = r.EndWhen,
            }).ToList(),
        };
    }

    private sealed record LocationRow
    {
        public string ChannelId { get; init; } = "";
        public string Location { get; init; } = "";
        public int Priority { get; init; }
    }

    private sealed record RuleRow
    {
        public const string Columns = """
            channel_id AS ChannelId, sku_class AS SkuClass, stock_percent AS StockPercent, buffer_units AS Buffer,
            max_published AS MaxPublished, end_when AS EndWhen
            """;

        public string ChannelId { get; init; } = "";
        public string SkuClass { get; init; } = "";
        public int StockPercent { get; init; }
        public int Buffer { get; init; }
        public int? MaxPublished { get; init; }
        public int EndWhen { get; init; }
    }
}
