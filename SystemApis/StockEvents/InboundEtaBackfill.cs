using Dapper;
using IntegrationGateway.ServiceDefaults.Feeds;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.SystemApis.StockEvents;

/// <summary>
/// Once, after the 0009 script: each balance that had units inbound before stock.changed carried an ETA gets its event
/// again, with the ETA, so the process API's published backorder ETAs are right without waiting for the next purchase
/// order or receipt. A row is claimed by deleting it, in the transaction that writes its event, so instances sharing a
/// store write each one once.
/// </summary>
public sealed class InboundEtaBackfill(Database database, FeedSignal feed, TimeProvider time, ILogger<InboundEtaBackfill> logger) : BackgroundService
{
    private const int RowsPerPass = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var written = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            await using var connection = await database.OpenAsync(stoppingToken);
            var pending = (await connection.QueryAsync<(string Sku, string Location)>(new CommandDefinition(
                $"SELECT sku, location FROM stock_event_eta_backfill ORDER BY sku, location LIMIT {RowsPerPass}", cancellationToken: stoppingToken))).AsList();
            if (pending.Count == 0)
            {
                break;
            }
            foreach (var (sku, location) in pending)
            {
                await using var transaction = await Database.BeginWriteAsync(connection, stoppingToken);
                var claimed = await connection.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM stock_event_eta_backfill WHERE sku = @sku AND location = @location", new { sku, location }, transaction, cancellationToken: stoppingToken));
                if (claimed == 1)
                {
                    await StockEventWriter.AppendAsync(connection, transaction, sku, location, null, time.GetUtcNow().ToUnixTimeMilliseconds(), stoppingToken);
                    written++;
                }
                await transaction.CommitAsync(stoppingToken);
            }
            feed.Pulse();
        }
        if (written > 0)
        {
            logger.LogInformation("Wrote the stock.changed events of {Count} balances again with their inbound ETA", written);
        }
    }
}
