using Dapper;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.TestSupport;
using IntegrationGateway.TestSupport.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationGateway.SystemApis.Tests;

/// <summary>A store from before stock.changed carried the inbound ETA: its balances with units inbound are told again, with it.</summary>
public sealed class InboundEtaBackfillTests
{
    private static readonly DateTimeOffset Eta = new(2027, 1, 12, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ABalanceListedByTheUpgradeGetsItsEventAgainWithTheEtaAtStart()
    {
        var folder = Directory.CreateTempSubdirectory("ig-erp-backfill-").FullName;
        var store = $"Data Source={Path.Combine(folder, "erp.db")}";
        try
        {
            string sku;
            await using (var erp = ErpHost.Start("Sqlite", store))
            {
                sku = await new Inventory(erp.Admin()).NewSkuAsync(("US-1", 1));
                (await erp.Admin().PostMovementAsync(sku, "EU-1", "purchase-order", 3, expectedAt: Eta)).EnsureSuccessStatusCode();
                // As the 0009 script leaves an older store: events without an ETA, and the balance listed for the backfill.
                await using var connection = await erp.Services.GetRequiredService<Database>().OpenAsync(CancellationToken.None);
                await connection.ExecuteAsync("UPDATE stock_events SET inbound_eta = NULL WHERE sku = @sku", new { sku });
                await connection.ExecuteAsync("INSERT INTO stock_event_eta_backfill (sku, location) VALUES (@sku, 'EU-1')", new { sku });
            }

            await using var restarted = ErpHost.Start("Sqlite", store);
            var events = await Eventually.ReachesAsync(() => restarted.Admin().StockEventsOfAsync(sku, "EU-1"),
                e => e[^1].InboundEta is not null, TimeSpan.FromSeconds(15));
            await using var check = await restarted.Services.GetRequiredService<Database>().OpenAsync(CancellationToken.None);

            Assert.Equal(Eta, events[^1].InboundEta);
            Assert.Null(events[^2].InboundEta);
            Assert.Equal(events[^2].Version, events[^1].Version);
            Assert.Equal(0, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM stock_event_eta_backfill"));
            Assert.Null((await restarted.Admin().StockEventsOfAsync(sku, "US-1"))[^1].InboundEta);
        }
        finally
        {
            SqliteFolder.Delete(folder);
        }
    }
}
