using System.Data.Common;
using System.Text.Json;
using Dapper;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ProcessApis.Changes;
using IntegrationGateway.ProcessApis.Channels;
using IntegrationGateway.ProcessApis.Holds;
using IntegrationGateway.ProcessApis.Steps;
using IntegrationGateway.ServiceDefaults.Feeds;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.ProcessApis.Events;

/// <summary>
/// Computes channel availability when stock changes, not when it is read: takes the marks left by changes,
/// recomputes each marked channel x SKU from stock_positions, and where the figure a channel is told changes, writes
/// the new figure with the next sequence and its inventory.availability.changed event in one transaction. It starts
/// by recomputing everything, which also heals a mark lost to a crash between two writes of a change.
/// </summary>
public sealed class AvailabilityPublisher(Database database, ChannelStore channels, AvailabilityWork work, FeedSignal feed, HoldClock holds, IStepHook steps, TimeProvider time, ILogger<AvailabilityPublisher> logger) : BackgroundService
{
    public const string EventType = OutboxEvent.AvailabilityChanged;
    private const int MarksPerPass = 500;
    private const int SkusPerRead = 500;
    private static readonly TimeSpan Fallback = TimeSpan.FromSeconds(1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await MarkEverythingAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = work.Next;
            try
            {
                await MarkExpiredHoldsAsync(stoppingToken);
                while (await PublishOnceAsync(stoppingToken))
                {
                }
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(failure, "Publishing channel availability failed; the next pass retries");
            }
            try
            {
                await next.WaitAsync(Fallback, time, stoppingToken);
            }
            catch (TimeoutException)
            {
            }
        }
    }

    private long _holdsCheckedUpTo;

    /// <summary>
    /// A hold that expires frees its units at once, before the sweeper releases it at the ERP: the SKUs of holds that
    /// expired since the last look are marked, so channels are told within a pass (at most a second).
    /// </summary>
    private async Task MarkExpiredHoldsAsync(CancellationToken cancellationToken)
    {
        var now = holds.Now.ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        var skus = (await connection.QueryAsync<string>(new CommandDefinition("""
            SELECT DISTINCT sku FROM holds WHERE state IN ('active', 'releasing') AND expires_at > @from AND expires_at <= @now
            """, new { from = _holdsCheckedUpTo, now }, cancellationToken: cancellationToken))).AsList();
        if (skus.Count > 0)
        {
            await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
            await AvailabilityMarks.MarkSkusAsync(connection, transaction, skus, time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        _holdsCheckedUpTo = now;
    }

    private async Task MarkEverythingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        await AvailabilityMarks.MarkSkusAsync(connection, transaction, [AvailabilityMarks.Every], time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// One pass over the oldest marks. True when it took a full pass of them, so there may be more. A pass that took
    /// fewer is not followed by one that looks for none: the consumer nudges after each commit (the loop's wait
    /// returns at once for a nudge during the pass), and marks made without a nudge wait for the fallback, as they
    /// do when the publisher is idle. That empty pass was four statements for every change at a steady rate.
    /// </summary>
    public async Task<bool> PublishOnceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        // One publisher at a time across instances, so a channel x SKU's sequence never forks; the lock leads the
        // marks' read in one command.
        var marks = await Database.SerializedQueryAsync<Mark>(connection, transaction, "availability-publisher",
            $"SELECT id AS Id, sku AS Sku, channel_id AS Channel FROM availability_marks ORDER BY id LIMIT {MarksPerPass}", null, cancellationToken);
        if (marks.Count == 0)
        {
            return false;
        }
        var full = marks.Count == MarksPerPass;
        var known = await channels.ListAsync(cancellationToken);
        var wanted = await WantedAsync(connection, transaction, marks, known, cancellationToken);
        var now = time.GetUtcNow();
        var events = new List<OutboxEvent>();
        var changes = new List<AvailabilityChange>();
        foreach (var chunk in wanted.SelectMany(w => w.Value).Distinct(StringComparer.Ordinal).Chunk(SkusPerRead))
        {
            var state = await SkuState.ReadAsync(database.Dialect, connection, transaction, chunk, holds.Now.ToUnixTimeMilliseconds(), cancellationToken);
            foreach (var channel in known)
            {
                if (!wanted.TryGetValue(channel.Id, out var skus))
                {
                    continue;
                }
                foreach (var sku in chunk.Where(skus.Contains))
                {
                    if (Publish(channel, sku, state, known) is { } change)
                    {
                        changes.Add(change);
                        events.Add(EventOf(change, now));
                    }
                }
            }
        }
        await WriteFiguresAsync(connection, transaction, changes, now, cancellationToken);
        await Outbox.AppendAsync(connection, transaction, events, cancellationToken);
        // The marks read, not every id up to the last: on PostgreSQL an id is taken at insert, so a lower one may have
        // been uncommitted when they were read and committed since; it stays for the next pass.
        await connection.ExecuteAsync(new CommandDefinition($"DELETE FROM availability_marks WHERE {database.Dialect.IsAnyOf("id", "ids")}",
            new { ids = database.Dialect.AnyOf(marks.Select(m => m.Id)) }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        if (events.Count > 0)
        {
            await steps.ReachedAsync(ProcessSteps.AvailabilityPublished, cancellationToken);
            feed.Pulse();
        }
        return full;
    }

    /// <summary>The SKUs to recompute per channel id, with '*' marks spelled out.</summary>
    private static async Task<Dictionary<string, HashSet<string>>> WantedAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<Mark> marks, IReadOnlyList<Channel> known, CancellationToken cancellationToken)
    {
        IReadOnlyList<string>? every = null;
        var wanted = known.ToDictionary(c => c.Id, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var mark in marks)
        {
            var skus = mark.Sku == AvailabilityMarks.Every
                ? every ??= (await connection.QueryAsync<string>(new CommandDefinition("SELECT DISTINCT sku FROM stock_positions ORDER BY sku", transaction: transaction, cancellationToken: cancellationToken))).AsList()
                : [mark.Sku];
            foreach (var (channel, set) in wanted)
            {
                if (mark.Channel == AvailabilityMarks.Every || mark.Channel == channel)
                {
                    set.UnionWith(skus);
                }
            }
        }
        return wanted;
    }

    /// <summary>The channel's new figure of the SKU, or null when it is what the channel was last told.</summary>
    private static AvailabilityChange? Publish(Channel channel, string sku, SkuState state, IReadOnlyList<Channel> known)
    {
        if (state.Positions[sku] is not { } positions || !positions.Any())
        {
            return null;
        }
        var owed = state.Owed[sku].Where(o => known.FirstOrDefault(c => c.Id == o.Channel) is not { } other || ChannelFigure.Overlap(channel, other)).Sum(o => (int)o.Units);
        var figure = ChannelFigure.Of(channel, positions.Select(p => Freed(p, state.Expired.GetValueOrDefault((p.Sku, p.Location)))).ToList(), owed);
        var current = state.Published.GetValueOrDefault((channel.Id, sku));
        if (current is not null && figure.SameAs(current.Available, JsonSerializer.Deserialize<List<LocationAvailability>>(current.Locations, Json) ?? [], current.BackorderEta))
        {
            return null;
        }
        return new AvailabilityChange
        {
            Channel = channel.Id,
            Sku = sku,
            Available = figure.Available,
            Previous = current?.Available ?? 0,
            Sequence = (current?.Sequence ?? 0) + 1,
            Locations = figure.Locations.ToList(),
            BackorderEta = figure.BackorderEta is { } eta ? DateTimeOffset.FromUnixTimeMilliseconds(eta) : null,
            SourceVersion = state.SourceVersion,
        };
    }

    private static OutboxEvent EventOf(AvailabilityChange change, DateTimeOffset now) => new()
    {
        EventId = Guid.CreateVersion7().ToString("N"),
        Type = EventType,
        Subject = $"{change.Channel}/{change.Sku}",
        ChannelId = change.Channel,
        Sku = change.Sku,
        Sequence = change.Sequence,
        Data = JsonSerializer.Serialize(change, Json),
        OccurredAt = now.ToUnixTimeMilliseconds(),
    };

    // Never more than the ERP reserves: a hold released a moment ago may still be marked active here.
    private static StockPosition Freed(StockPosition position, int units) =>
        units <= 0 ? position : position with { Reserved = position.Reserved - Math.Min(units, position.Reserved) };

    // A pass computes each channel x SKU once, so no row is named twice in one statement.
    private static Task WriteFiguresAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AvailabilityChange> changes, DateTimeOffset now, CancellationToken cancellationToken) =>
        MultiRow.ExecuteAsync(connection, transaction,
            "INSERT INTO channel_availability (channel_id, sku, sequence, available, locations, backorder_eta, source_version, updated_at)", 8, changes,
            change => [change.Channel, change.Sku, change.Sequence, change.Available, JsonSerializer.Serialize(change.Locations, Json),
                change.BackorderEta?.ToUnixTimeMilliseconds(), change.SourceVersion, now.ToUnixTimeMilliseconds()],
            """
            ON CONFLICT (channel_id, sku) DO UPDATE SET sequence = excluded.sequence, available = excluded.available,
                locations = excluded.locations, backorder_eta = excluded.backorder_eta, source_version = excluded.source_version,
                updated_at = excluded.updated_at
            """,
            cancellationToken);

    private sealed record Mark
    {
        public long Id { get; init; }
        public string Sku { get; init; } = "";
        public string Channel { get; init; } = "";
    }
}
