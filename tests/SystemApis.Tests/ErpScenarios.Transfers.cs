using System.Net;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;

namespace IntegrationGateway.SystemApis.Tests;

public static partial class ErpScenarios
{
    public static async Task ATransferMovesHoldsToAnOrderWithoutReleasingAUnit(ServiceHost<SystemApisEntryPoint> host)
    {
        var erp = host.Admin();
        var inventory = new Inventory(erp);
        var sku = await inventory.NewSkuAsync(("EU-1", 10), ("US-1", 4));
        var (holdA, holdB, order) = ("hold:a-" + sku, "hold:b-" + sku, "ord-" + sku);
        (await erp.ReserveAsync(holdA, sku, "EU-1", 2)).EnsureSuccessStatusCode();
        (await erp.ReserveAsync(holdB, sku, "EU-1", 1)).EnsureSuccessStatusCode();
        (await erp.ReserveAsync(holdB, sku, "US-1", 4)).EnsureSuccessStatusCode();
        var before = await inventory.SnapshotAsync(sku);
        var key = "t-" + sku;

        var moved = await (await erp.TransferAsync([holdA, holdB], order, [(sku, "EU-1", 3), (sku, "US-1", 4)], key)).JsonAsync(HttpStatusCode.OK);
        var replay = await (await erp.TransferAsync([holdA, holdB], order, [(sku, "EU-1", 3), (sku, "US-1", 4)], key)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(3, moved.GetProperty("transferred").GetArrayLength());
        Assert.All(moved.GetProperty("transferred").EnumerateArray(), r => Assert.Equal(order, r.GetProperty("reference").GetString()));
        Assert.Equal(moved.GetRawText(), replay.GetRawText());
        // Not one unit was sellable on the way, and the balances never moved.
        Assert.Equal(before, await inventory.SnapshotAsync(sku));
        // The holds hold nothing any more; the order holds it all, and its release gives back every unit.
        Assert.Empty((await (await erp.ReleaseAsync(holdA)).JsonAsync(HttpStatusCode.OK)).GetProperty("released").EnumerateArray());
        Assert.Equal(3, (await (await erp.ReleaseAsync(order)).JsonAsync(HttpStatusCode.OK)).GetProperty("released").GetArrayLength());
        Assert.Equal(0, (await inventory.BalanceAsync(sku, "EU-1")).Reserved);
        // The move is on the ledger, one row per balance moving no quantity, and every balance still sums to its rows.
        var moves = (await erp.LedgerRowsAsync(sku)).Where(r => r.MovementType == "re-reference").ToList();
        Assert.Equal(2, moves.Count);
        Assert.All(moves, r => Assert.Equal((key, order, 0, 0), (r.IdempotencyKey, r.ReferenceDocument, r.Deltas.Reserved, r.Deltas.OnHand)));
        Assert.Contains(holdB, moves.Single(r => r.Location == "EU-1").Reason);
        Assert.DoesNotContain((await erp.RebuildReportAsync(apply: false)).Differences, d => d.Sku == sku);
    }

    public static async Task ATransferOfOtherLinesThanHeldMovesNothing(ServiceHost<SystemApisEntryPoint> host)
    {
        var erp = host.Admin();
        var inventory = new Inventory(erp);
        var sku = await inventory.NewSkuAsync(("EU-1", 10));
        var (hold, order) = ("hold:c-" + sku, "ord-" + sku);
        (await erp.ReserveAsync(hold, sku, "EU-1", 3)).EnsureSuccessStatusCode();
        var ledger = (await erp.LedgerRowsAsync(sku)).Count;

        await (await erp.TransferAsync([hold], order, [(sku, "EU-1", 2)])).AssertProblemAsync(HttpStatusCode.Conflict, "invalid-state");
        await (await erp.TransferAsync([hold], order, [(sku, "EU-1", 3), (sku, "US-1", 1)])).AssertProblemAsync(HttpStatusCode.Conflict, "invalid-state");
        await (await erp.TransferAsync([hold], hold, [(sku, "EU-1", 3)])).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");

        Assert.Equal(ledger, (await erp.LedgerRowsAsync(sku)).Count);
        Assert.Empty((await (await erp.ReleaseAsync(order)).JsonAsync(HttpStatusCode.OK)).GetProperty("released").EnumerateArray());
        Assert.Single((await (await erp.ReleaseAsync(hold)).JsonAsync(HttpStatusCode.OK)).GetProperty("released").EnumerateArray());
    }

    public static async Task ATransferRacingReleasesAndReservationsNeverLosesOrOversellsAUnit(ServiceHost<SystemApisEntryPoint> host)
    {
        var erp = host.Admin();
        var inventory = new Inventory(erp);
        var sku = await inventory.NewSkuAsync(("EU-1", 20));
        for (var round = 0; round < 10; round++)
        {
            var (hold, order) = ($"hold:r{round}-{sku}", $"ord-r{round}-{sku}");
            (await erp.ReserveAsync(hold, sku, "EU-1", 2)).EnsureSuccessStatusCode();
            // A release of the hold (the sweeper) and buyers wanting all but one unit race the transfer: a buyer gets them
            // only if the release came first, and then the transfer finds nothing to move.
            var transfer = erp.TransferAsync([hold], order, [(sku, "EU-1", 2)]);
            var release = erp.ReleaseAsync(hold);
            var buyers = Enumerable.Range(0, 5).Select(i => erp.ReserveAsync($"buyer-{round}-{i}-{sku}", sku, "EU-1", 19)).ToList();
            var transferred = (await transfer).StatusCode == HttpStatusCode.OK;
            await release;
            var bought = (await Task.WhenAll(buyers)).Count(r => r.StatusCode == HttpStatusCode.Created);

            var balance = await inventory.BalanceAsync(sku, "EU-1");
            Assert.True(balance.Reserved <= balance.OnHand, $"Round {round}: {balance.Reserved} reserved of {balance.OnHand}.");
            // Either the order holds both units or the release gave them back; never both, never neither.
            var orderHolds = (await (await erp.ReleaseAsync(order)).JsonAsync(HttpStatusCode.OK)).GetProperty("released").GetArrayLength() > 0;
            Assert.Equal(transferred, orderHolds);
            Assert.True(bought <= (transferred ? 0 : 1), $"Round {round}: {bought} buyers got 19 of 20 units while the transfer {(transferred ? "held two" : "found none")}.");
            for (var i = 0; i < 5; i++)
            {
                (await erp.ReleaseAsync($"buyer-{round}-{i}-{sku}")).EnsureSuccessStatusCode();
            }
            Assert.Equal(0, (await inventory.BalanceAsync(sku, "EU-1")).Reserved);
        }
    }
}
