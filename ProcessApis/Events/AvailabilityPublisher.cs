using System.Data.Common;
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
/// Computes channel availability when something other than a stock event changes it (holds that expire, backorders,
/// channel rules): takes the marks those changes leave in their own transactions and recomputes each marked channel x
/// SKU in one transaction (<see cref="ChannelFigures"/>). Stock events are published by their consumer in the
/// transaction that applies them. It starts by recomputing everything, which also heals a change whose marks were
/// committed just before a crash.
/// </summary>
public sealed class AvailabilityPublisher(Database database, ChannelStore channels, ChannelFigures figures, AvailabilityWork work, FeedSignal feed, HoldClock holds, IStepHook steps,
    TimeProvider time, ILogger<AvailabilityPublisher> logger) : BackgroundService
{
    public const string EventType = OutboxEvent.AvailabilityChanged;
    private const int MarksPerPass = 500;
    private static readonly TimeSpan Fallback = TimeSpan.FromSeconds(1);

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
    /// fewer is not followed by one that looks for none: a marking change nudges after its commit (the loop's wait
    /// returns at once for a nudge during the pass), and marks made without a nudge wait for the fallback, as they
    /// do when the publisher is idle.
    /// </summary>
    public async Task<bool> PublishOnceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        // The lock every writer of figures takes leads the marks' read in one command.
        var marks = await Database.SerializedQueryAsync<Mark>(connection, transaction, [ChannelFigures.Stream],
            $"SELECT id AS Id, sku AS Sku, channel_id AS Channel FROM availability_marks ORDER BY id LIMIT {MarksPerPass}", null, cancellationToken);
        if (marks.Count == 0)
        {
            return false;
        }
        var known = await channels.ListAsync(cancellationToken);
        var published = await figures.PublishAsync(connection, transaction, known, await WantedAsync(connection, transaction, marks, known, cancellationToken), cancellationToken);
        // The marks read, not every id up to the last: on PostgreSQL an id is taken at insert, so a lower one may have
        // been uncommitted when they were read and committed since; it stays for the next pass.
        await connection.ExecuteAsync(new CommandDefinition($"DELETE FROM availability_marks WHERE {database.Dialect.IsAnyOf("id", "ids")}",
            new { ids = database.Dialect.AnyOf(marks.Select(m => m.Id)) }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        if (published > 0)
        {
            await steps.ReachedAsync(ProcessSteps.AvailabilityPublished, cancellationToken);
            feed.Pulse();
        }
        return marks.Count == MarksPerPass;
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

    private sealed record Mark
    {
        public long Id { get; init; }
        public string Sku { get; init; } = "";
        public string Channel { get; init; } = "";
    }
}
