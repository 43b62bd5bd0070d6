using System.Diagnostics;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.TestSupport.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace IntegrationGateway.Gateway.Tests.Soak;

/// <summary>
/// A bounded soak of the inventory lifecycle through the whole stack: concurrent storefront connectors place, resend
/// and cancel multi-line orders over a few scarce SKUs, the warehouse allocates them to picks and confirms shipments,
/// and operations staff receive, adjust, transfer and take back returns of the same stock.
/// Every answer must be one the operation may give; invariant 1 is checked in the ERP store throughout, and once
/// the stack is quiet the two stores, the ledger and the storefront's availability must all agree.
/// </summary>
public static class SoakScenario
{
    public static async Task RunAsync(Stack stack, ITestOutputHelper output)
    {
        var clock = Stopwatch.StartNew();
        var record = new SoakRecord();
        var skus = await LayOutStockAsync(stack, record);
        var erpStore = new ErpStoreReader(stack.Erp.Services.GetRequiredService<Database>());
        var processStore = new ProcessStoreReader(stack.Process.Services.GetRequiredService<Database>());
        var watch = new InvariantWatch(erpStore);
        var tally = new SoakTally();
        var budget = new SoakBudget(SoakLimits.MaxOperations);

        using var erpAdmin = WithCallTimeout(stack.Erp.Client(TestTokens.Admin("soak-clerk")));
        var storefronts = Enumerable.Range(0, SoakLimits.Workers).Select(n => WithCallTimeout(stack.StorefrontClient($"soak-{n}"))).ToList();
        using var warehouse = WithCallTimeout(stack.Gateway.Client(TestTokens.Admin("soak-warehouse")));
        var run = Stopwatch.StartNew();
        using (var stop = new CancellationTokenSource(SoakLimits.Duration))
        {
            var checking = watch.RunAsync(stop.Token);
            try
            {
                await Task.WhenAll(storefronts.Select((client, n) =>
                    new SoakWorker(n, client, warehouse, new SoakStockClerk(n, erpAdmin, skus, tally, record), skus, budget, tally, record).RunAsync(stop.Token)));
            }
            finally
            {
                await stop.CancelAsync();
                await checking;
            }
        }
        run.Stop();

        await watch.CheckAsync();
        var balances = await erpStore.BalancesAsync();
        var orders = await processStore.OrdersAsync();
        var holds = await erpStore.ActiveHoldsAsync();
        List<string> violations =
        [
            .. watch.Violations,
            .. OrderInvariants.HoldExactlyOnce(orders, await processStore.AllocationsAsync(), holds, balances),
            .. OrderInvariants.StatesAreWhatTheChannelWasTold(orders, record.Orders),
            .. BalanceInvariants.LedgerExplainsEveryBalance(balances, await erpStore.LedgerTotalsAsync()),
            .. BalanceInvariants.OnHandIsEveryAcceptedMovementOnce(balances, record.OnHand),
            .. await StorefrontView.DisagreementsAsync(storefronts[0], skus, balances, await processStore.OwedAsync()),
        ];
        storefronts.ForEach(client => client.Dispose());

        output.WriteLine($"Soak: {budget.Taken} operations ({tally.Calls} calls) by {SoakLimits.Workers} workers in {run.Elapsed.TotalSeconds:0.0} s " +
            $"(limit {SoakLimits.Duration.TotalSeconds:0} s or {SoakLimits.MaxOperations} operations); whole test {clock.Elapsed.TotalSeconds:0.0} s");
        foreach (var line in tally.Lines())
        {
            output.WriteLine("  " + line);
        }
        output.WriteLine($"Refusals (409): {tally.Refusals}; unexpected answers: {tally.Surprises.Count}");
        output.WriteLine($"Invariant 1 checked in the ERP store {watch.Checks} times ({watch.Checks - 1} during the run, 1 after); " +
            $"final cross-store checks over {balances.Count} balances, {orders.Count} orders ({record.Orders.Count} accepted, " +
            $"{record.Orders.Count(o => o.Value)} cancelled), {holds.Count} active holds, {skus.Count} storefront views");
        output.WriteLine($"Violations: {violations.Count}");

        Assert.True(tally.Surprises.Count == 0, "Unexpected answers:\n" + string.Join("\n", tally.Surprises.Take(20)));
        Assert.True(violations.Count == 0, "Invariants broken:\n" + string.Join("\n", violations.Take(20)));
        Assert.True(record.Orders.Count > 0, "No order was accepted, so the soak proved nothing about reservations.");
    }

    /// <summary>A few SKUs with little stock at each location, so that every worker fights over the same rows.</summary>
    private static async Task<IReadOnlyList<string>> LayOutStockAsync(Stack stack, SoakRecord record)
    {
        var inventory = stack.Inventory();
        var random = new Random(SoakLimits.BaseSeed);
        var skus = new List<string>();
        for (var i = 0; i < SoakLimits.Skus; i++)
        {
            var stock = SoakLimits.Locations.Select(l => (l, random.Next(6, 16))).ToArray();
            var sku = await inventory.NewSkuAsync(stock);
            foreach (var (location, onHand) in stock)
            {
                record.Moved(sku, location, onHand);
            }
            skus.Add(sku);
        }
        return skus;
    }

    private static HttpClient WithCallTimeout(HttpClient client)
    {
        client.Timeout = SoakLimits.CallTimeout;
        return client;
    }
}
