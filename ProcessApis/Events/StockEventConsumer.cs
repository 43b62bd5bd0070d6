using IntegrationGateway.ServiceDefaults.Feeds;
using Dapper;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.ProcessApis.Channels;
using IntegrationGateway.ProcessApis.Sourcing;
using IntegrationGateway.ProcessApis.Steps;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.ProcessApis.Events;

/// <summary>
/// Follows the ERP's stock.changed feed (a long poll through the generated client) and applies each event to
/// stock_positions, publishes the channel figures of the SKUs whose balances moved (<see cref="ChannelFigures"/>), and
/// stores the cursor, in one transaction: a crash before the commit reads the same page again, a page applied twice
/// changes nothing (an event only replaces an older version), and no stock change is ever committed unpublished.
/// </summary>
public sealed class StockEventConsumer(IServiceScopeFactory scopes, Database database, ChannelStore channels, ChannelFigures figures, FeedSignal feed, IStepHook steps,
    TimeProvider time, ILogger<StockEventConsumer> logger) : BackgroundService
{
    public const string Consumer = "erp-stock-events";
    private const int PageSize = 500;
    private const int WaitSeconds = 3;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        FeedFollower.RunAsync(ConsumeOnceAsync, "the ERP's stock events", time, logger, stoppingToken);

    /// <summary>One page: read after the stored cursor, apply, store the next cursor. True when events were applied.</summary>
    public async Task<bool> ConsumeOnceAsync(CancellationToken cancellationToken)
    {
        var cursor = _committed is { } known ? known.Cursor : await CursorAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var erp = scope.ServiceProvider.GetRequiredService<IErpClient>();
        var page = ErpAnswers.Content(await erp.ListStockEventsAsync(cursor, PageSize, WaitSeconds, cancellationToken));
        if (page.Events.Count == 0)
        {
            return false;
        }
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        // Instances sharing a database take turns; one that read a page another has applied since drops it. The turn,
        // the lock of every writer of figures (taken after the turn, as the publisher takes it alone) and the stored
        // cursor are one command.
        var stored = (await Database.SerializedQueryAsync<string?>(connection, transaction, [Consumer, ChannelFigures.Stream],
            "SELECT cursor FROM consumer_cursors WHERE consumer = @Consumer", new { Consumer }, cancellationToken)).SingleOrDefault();
        if (stored != cursor)
        {
            _committed = null;
            return false;
        }
        // The same version again with another class or inbound ETA is the ERP saying more of the same balance (an item's
        // new class, the ETA of units inbound before its events carried one). An older or repeated event changes no row
        // (invariant 3: newer state is never overwritten), and RETURNING names only the rows changed.
        const string apply = """
            ON CONFLICT (sku, location) DO UPDATE SET sku_class = excluded.sku_class, on_hand = excluded.on_hand, reserved = excluded.reserved,
                allocated = excluded.allocated, damaged = excluded.damaged, inspection = excluded.inspection, safety_stock = excluded.safety_stock,
                in_transit = excluded.in_transit, inbound = excluded.inbound, inbound_eta = excluded.inbound_eta, version = excluded.version
            WHERE excluded.version > stock_positions.version
               OR (excluded.version = stock_positions.version AND (excluded.sku_class <> stock_positions.sku_class
                   OR COALESCE(excluded.inbound_eta, -1) <> COALESCE(stock_positions.inbound_eta, -1)))
            RETURNING sku
            """;
        // One statement cannot name a row twice, so a balance the page tells of several times is applied as its
        // latest word: the highest version, and of those the last, which is what applying them in turn would leave.
        var latest = page.Events
            .Select((e, index) => (Event: e, Index: index))
            .GroupBy(x => (x.Event.Sku, x.Event.Location))
            .Select(g => g.OrderBy(x => x.Event.Version).ThenBy(x => x.Index).Last().Event)
            .ToList();
        var moved = new List<string>();
        foreach (var command in MultiRow.Commands(
            "INSERT INTO stock_positions (sku, location, sku_class, on_hand, reserved, allocated, damaged, inspection, safety_stock, in_transit, inbound, inbound_eta, version)",
            13, latest,
            e => [e.Sku, e.Location, e.SkuClass, e.OnHand, e.Reserved, e.Allocated, e.Damaged, e.Inspection, e.SafetyStock, e.InTransit, e.Inbound, e.InboundEta?.ToUnixTimeMilliseconds(), e.Version],
            apply, transaction, cancellationToken))
        {
            moved.AddRange(await connection.QueryAsync<string>(command));
        }
        // Stored before the figures are computed: the consumer's position is their source version.
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO consumer_cursors (consumer, position, cursor, updated_at) VALUES (@Consumer, @position, @cursor, @now)
            ON CONFLICT (consumer) DO UPDATE SET position = excluded.position, cursor = excluded.cursor, updated_at = excluded.updated_at
            """, new { Consumer, position = page.Events[^1].Position, cursor = page.NextCursor, now }, transaction, cancellationToken: cancellationToken));
        var published = 0;
        if (moved.Count > 0)
        {
            var every = await channels.ListAsync(cancellationToken);
            var skus = moved.ToHashSet(StringComparer.Ordinal);
            published = await figures.PublishAsync(connection, transaction, every, every.ToDictionary(c => c.Id, _ => skus, StringComparer.Ordinal), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        _committed = new CommittedCursor(page.NextCursor);
        await steps.ReachedAsync(ProcessSteps.StockEventsApplied, cancellationToken);
        if (published > 0)
        {
            await steps.ReachedAsync(ProcessSteps.AvailabilityPublished, cancellationToken);
            feed.Pulse();
        }
        return true;
    }

    // The cursor this instance last committed: the next page is read after it without reading it back first. The
    // check inside the transaction still compares it with the stored one, so another instance's page is noticed there.
    private CommittedCursor? _committed;

    private sealed record CommittedCursor(string? Cursor);

    private async Task<string?> CursorAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT cursor FROM consumer_cursors WHERE consumer = @Consumer", new { Consumer }, cancellationToken: cancellationToken));
    }
}
