using System.Diagnostics;
using System.Net;
using Dapper;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationGateway.SystemApis.Tests;

/// <summary>Balances rebuilt from the ledger: equal to live after heavy mixed traffic, and a tampered one found and healed.</summary>
public static partial class ErpScenarios
{
    public static async Task RebuildEqualsLiveAfterTenThousandRandomOperations(ServiceHost<SystemApisEntryPoint> host, Action<string> log)
    {
        var erp = host.Admin();
        var inventory = new Inventory(erp);
        var skus = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            skus.Add(await inventory.NewSkuAsync(("EU-1", 20), ("US-1", 20)));
        }
        var operations = RandomOperation.Generate(new Random(20_240_611), 10_000, skus, ["EU-1", "US-1"], "run-" + skus[0]);

        var clock = Stopwatch.StartNew();
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<(string Kind, HttpStatusCode Status, string Body)>();
        await Parallel.ForEachAsync(operations, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (operation, _) =>
        {
            using var response = await operation.Send(erp);
            var body = response.IsSuccessStatusCode ? "" : await response.Content.ReadAsStringAsync();
            outcomes.Add((operation.Kind, response.StatusCode, body));
        });
        clock.Stop();

        var unexpected = outcomes.Where(o => o.Status is not (HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Conflict)).Take(3).ToList();
        Assert.True(unexpected.Count == 0, "Unexpected answers: " + string.Join("; ", unexpected.Select(o => $"{o.Kind} {(int)o.Status} {o.Body}")));
        var applied = outcomes.Count(o => o.Status != HttpStatusCode.Conflict);
        var refused = outcomes.Count(o => o.Status == HttpStatusCode.Conflict);
        log($"{operations.Count} operations in {clock.Elapsed.TotalSeconds:0.0} s ({operations.Count / clock.Elapsed.TotalSeconds:0} per second, 8 in flight): "
            + $"{applied} applied, {refused} refused with 409");
        foreach (var kind in outcomes.GroupBy(o => o.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            log($"  {kind.Key}: {kind.Count(o => o.Status != HttpStatusCode.Conflict)} applied, {kind.Count(o => o.Status == HttpStatusCode.Conflict)} refused");
        }
        Assert.Contains(outcomes, o => o.Kind == RandomOperation.AdjustDown && o.Status == HttpStatusCode.Conflict);
        Assert.Contains(outcomes, o => o.Kind == RandomOperation.Reserve && o.Status == HttpStatusCode.Conflict);
        Assert.Contains(outcomes, o => o.Kind == RandomOperation.Ship && o.Status == HttpStatusCode.OK);
        Assert.Contains(outcomes, o => o.Kind == RandomOperation.CycleCount && o.Status == HttpStatusCode.Created);

        var report = await erp.RebuildReportAsync(apply: false);
        Assert.Empty(report.Differences);
        Assert.True(report.BalancesChecked >= skus.Count * 2, $"{report.BalancesChecked} balances checked");
        Assert.False(report.Applied);

        // The same truth read through the ledger API: the deltas of every page sum to each live balance.
        foreach (var sku in skus)
        {
            var rows = await erp.LedgerRowsAsync(sku);
            foreach (var balance in await inventory.BalancesAsync(sku))
            {
                var own = rows.Where(r => r.Location == balance.Location).ToList();
                Assert.Equal((balance.OnHand, balance.Reserved), (own.Sum(r => r.Deltas.OnHand), own.Sum(r => r.Deltas.Reserved)));
                Assert.Equal((balance.Damaged, balance.Inspection, balance.InTransit, balance.Inbound, balance.SafetyStock),
                    (own.Sum(r => r.Deltas.Damaged), own.Sum(r => r.Deltas.Inspection), own.Sum(r => r.Deltas.InTransit), own.Sum(r => r.Deltas.Inbound),
                     own.Sum(r => r.Deltas.SafetyStock)));
            }
        }
    }

    public static async Task RebuildReportsATamperedBalanceAndHealsItOnlyWhenAsked(ServiceHost<SystemApisEntryPoint> host)
    {
        var erp = host.Admin();
        var inventory = new Inventory(erp);
        var sku = await inventory.NewSkuAsync(("EU-1", 10), ("US-1", 4));
        var database = host.Services.GetRequiredService<Database>();
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("UPDATE balances SET reserved = reserved + 3 WHERE sku = @sku AND location = 'EU-1'", new { sku });
        }
        var tampered = await inventory.BalanceAsync(sku, "EU-1");

        var found = await erp.RebuildReportAsync(apply: false);
        var unchanged = await inventory.BalanceAsync(sku, "EU-1");
        var healed = await erp.RebuildReportAsync(apply: true);
        var after = await inventory.BalanceAsync(sku, "EU-1");
        var again = await erp.RebuildReportAsync(apply: false);

        var difference = Assert.Single(found.Differences);
        Assert.Equal((sku, "EU-1", BalanceBucket.Reserved, 3, 0), (difference.Sku, difference.Location, difference.Bucket, difference.Live, difference.Rebuilt));
        Assert.False(found.Applied);
        Assert.Equal((3, tampered.Version), (unchanged.Reserved, unchanged.Version));
        var applied = Assert.Single(healed.Differences);
        Assert.Equal((sku, BalanceBucket.Reserved, 3, 0), (applied.Sku, applied.Bucket, applied.Live, applied.Rebuilt));
        Assert.True(healed.Applied);
        Assert.Equal((10, 0, tampered.Version + 1), (after.OnHand, after.Reserved, after.Version));
        Assert.Empty(again.Differences);
        Assert.Equal(found.BalancesChecked, again.BalancesChecked);
        await (await erp.RebuildAsync(apply: false, key: "")).AssertProblemAsync(HttpStatusCode.BadRequest, "idempotency-key-missing");
    }
}
