using System.Net;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;

namespace IntegrationGateway.SystemApis.Tests;

/// <summary>Every canonical bucket moved through ERP postings: purchase orders, transfers, returns, damage, safety stock.</summary>
public static partial class ErpScenarios
{
    private static readonly DateTimeOffset Eta = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public static async Task APurchaseOrderIsInboundUntilReceivedAndAnExcessStillLandsOnHand(ServiceHost<SystemApisEntryPoint> host)
    {
        var erp = host.Admin();
        var inventory = new Inventory(erp);
        var sku = await inventory.NewSkuAsync(("EU-1", 5));

        var ordered = await (await erp.PostMovementAsync(sku, "EU-1", "purchase-order", 10, null, expectedAt: Eta, referenceDocument: "PO-1")).JsonAsync(HttpStatusCode.Created);
        Assert.Equal((10, 5, 5), (ordered.GetProperty("inbound").GetInt32(), ordered.GetProperty("onHand").GetInt32(), ordered.GetProperty("available").GetInt32()));
        Assert.Equal("onHand=5 reserved=0 allocated=0 damaged=0 inspection=0 inTransit=0 inbound=10 safetyStock=0 available=5", await EveryBucketAsync(inventory, sku, "EU-1"));
        Assert.Equal(Nothing, await EveryBucketAsync(inventory, sku, "US-1"));

        (await erp.PostMovementAsync(sku, "EU-1", "purchase-receipt", 4, null, referenceDocument: "PO-1")).EnsureSuccessStatusCode();
        Assert.Equal("onHand=9 reserved=0 allocated=0 damaged=0 inspection=0 inTransit=0 inbound=6 safetyStock=0 available=9", await EveryBucketAsync(inventory, sku, "EU-1"));
        (await erp.PostMovementAsync(sku, "EU-1", "purchase-receipt", 6, null, referenceDocument: "PO-1")).EnsureSuccessStatusCode();
        Assert.Equal("onHand=15 reserved=0 allocated=0 damaged=0 inspection=0 inTransit=0 inbound=0 safetyStock=0 available=15", await EveryBucketAsync(inventory, sku, "EU-1"));
        // The supplier delivers 5 against a purchase order of 2: inbound stops at 0 and all 5 are on hand.
        (await erp.PostMovementAsync(sku, "EU-1", "purchase-order", 2, null, expectedAt: Eta, referenceDocument: "PO-2")).EnsureSuccessStatusCode();
        (await erp.PostMovementAsync(sku, "EU-1", "purchase-receipt", 5, null, referenceDocument: "PO-2")).EnsureSuccessStatusCode();
        Assert.Equal("onHand=20 reserved=0 allocated=0 damaged=0 inspection=0 inTransit=0 inbound=0 safetyStock=0 available=20", await EveryBucketAsync(inventory, sku, "EU-1"));
        Assert.Equal(Nothing, await EveryBucketAsync(inventory, sku, "US-1"));

        var rows = (await erp.LedgerRowsAsync(sku)).Skip(1).ToList();
        Assert.Equal([
            "EU-1 purchase-order PO-1 inbound+10", "EU-1 purchase-receipt PO-1 onHand+4 inbound-4", "EU-1 purchase-receipt PO-1 onHand+6 inbound-6",
            "EU-1 purchase-order PO-2 inbound+2", "EU-1 purchase-receipt PO-2 onHand+5 inbound-2"], rows.Select(Deltas));
        Assert.Equal(Eta, rows[0].ExpectedAt);
        Assert.Null(rows[1].ExpectedAt);
    }

    public static async Task ATransferIsInTransitAtTheReceiverUntilReceived(ServiceHost<SystemApisEntryPoint> host)
    {
        var erp = host.Admin();
        var inventory = new Inventory(erp);
        var sku = await inventory.NewSkuAsync(("EU-1", 10));
        (await erp.ReserveAsync("ord-t-" + sku, sku, "EU-1", 3)).EnsureSuccessStatusCode();
        var before = await EveryBalanceAsync(inventory, sku);

        var refused = await (await erp.PostMovementAsync(sku, "EU-1", "transfer-ship", 8, "US-1")).AssertProblemAsync(HttpStatusCode.Conflict, "stock-committed");
        Assert.Equal(3, refused.GetProperty("committed").GetInt32());
        // The source is updated first (EU-1 sorts before MARS-1); the missing destination must undo it.
        await (await erp.PostMovementAsync(sku, "EU-1", "transfer-ship", 1, "MARS-1")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(before, await EveryBalanceAsync(inventory, sku));

        var shipped = await (await erp.PostMovementAsync(sku, "EU-1", "transfer-ship", 6, "US-1", referenceDocument: "TO-1")).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(("EU-1", 4), (shipped.GetProperty("location").GetString(), shipped.GetProperty("onHand").GetInt32()));
        Assert.Equal("onHand=4 reserved=3 allocated=0 damaged=0 inspection=0 inTransit=0 inbound=0 safetyStock=0 available=1", await EveryBucketAsync(inventory, sku, "EU-1"));
        Assert.Equal("onHand=0 reserved=0 allocated=0 damaged=0 inspection=0 inTransit=6 inbound=0 safetyStock=0 available=0", await EveryBucketAsync(inventory, sku, "US-1"));

        (await erp.PostMovementAsync(sku, "US-1", "transfer-receive", 4, null, referenceDocument: "TO-1")).EnsureSuccessStatusCode();
        Assert.Equal("onHand=4 reserved=3 allocated=0 damaged=0 inspection=0 inTransit=0 inbound=0 safetyStock=0 available=1", await EveryBucketAsync(inventory, sku, "EU-1"));
        Assert.Equal("onHand=4 reserved=0 allocated=0 damaged=0 inspection=0 inTransit=2 inbound=0 safetyStock=0 available=4", await EveryBucketAsync(inventory, sku, "US-1"));
        var middle = await EveryBalanceAsync(inventory, sku);
        var short_ = await (await erp.PostMovementAsync(sku, "US-1", "transfer-receive", 3, null)).AssertProblemAsync(HttpStatusCode.Conflict, "insufficient-stock");
        Assert.Equal(("inTransit", 2), (short_.GetProperty("bucket").GetString(), short_.GetProperty("held").GetInt32()));
        Assert.Equal(middle, await EveryBalanceAsync(inventory, sku));

        // The other way round locks the balances in the same order.
        (await erp.PostMovementAsync(sku, "US-1", "transfer-ship", 1, "EU-1", referenceDocument: "TO-2")).EnsureSuccessStatusCode();
        Assert.Equal("onHand=4 reserved=3 allocated=0 damaged=0 inspection=0 inTransit=1 inbound=0 safetyStock=0 available=1", await EveryBucketAsync(inventory, sku, "EU-1"));
        Assert.Equal("onHand=3 reserved=0 allocated=0 damaged=0 inspection=0 inTransit=2 inbound=0 safetyStock=0 available=3", await EveryBucketAsync(inventory, sku, "US-1"));

        var rows = (await erp.LedgerRowsAsync(sku)).Where(r => r.MovementType.StartsWith("transfer", StringComparison.Ordinal)).Select(Deltas);
        Assert.Equal([
            "EU-1 transfer-ship TO-1 onHand-6", "US-1 transfer-ship TO-1 inTransit+6", "US-1 transfer-receive TO-1 onHand+4 inTransit-4",
            "US-1 transfer-ship TO-2 onHand-1", "EU-1 transfer-ship TO-2 inTransit+1"], rows);
    }

    public static async Task AReturnIsInInspectionUntilItsDisposition(ServiceHost<SystemApisEntryPoint> host)
    {
        var erp = host.Admin();
        var inventory = new Inventory(erp);
        var sku = await inventory.NewSkuAsync(("US-1", 2));

        (await erp.PostMovementAsync(sku, "EU-1", "return-receipt", 9, null, referenceDocument: "RMA-1")).EnsureSuccessStatusCode();
        Assert.Equal("onHand=9 reserved=0 allocated=0 damaged=0 inspection=9 inTransit=0 inbound=0 safetyStock=0 available=0", await EveryBucketAsync(inventory, sku, "EU-1"));
        (await erp.PostMovementAsync(sku, "EU-1", "return-disposition", 3, null, disposition: "sellable")).EnsureSuccessStatusCode();
        Assert.Equal("onHand=9 reserved=0 allocated=0 damaged=0 inspection=6 inTransit=0 inbound=0 safetyStock=0 available=3", await EveryBucketAsync(inventory, sku, "EU-1"));
        (await erp.PostMovementAsync(sku, "EU-1", "return-disposition", 2, null, disposition: "damaged")).EnsureSuccessStatusCode();
        Assert.Equal("onHand=9 reserved=0 allocated=0 damaged=2 inspection=4 inTransit=0 inbound=0 safetyStock=0 available=3", await EveryBucketAsync(inventory, sku, "EU-1"));
        (await erp.PostMovementAsync(sku, "EU-1", "return-disposition", 1, null, disposition: "scrapped")).EnsureSuccessStatusCode();
        Assert.Equal("onHand=8 reserved=0 allocated=0 damaged=2 inspection=3 inTransit=0 inbound=0 safetyStock=0 available=3", await EveryBucketAsync(inventory, sku, "EU-1"));
        Assert.Equal("onHand=2 reserved=0 allocated=0 damaged=0 inspection=0 inTransit=0 inbound=0 safetyStock=0 available=2", await EveryBucketAsync(inventory, sku, "US-1"));

        var before = await EveryBalanceAsync(inventory, sku);
        foreach (var disposition in new[] { "sellable", "damaged", "scrapped" })
        {
            var refused = await (await erp.PostMovementAsync(sku, "EU-1", "return-disposition", 4, null, disposition: disposition)).AssertProblemAsync(HttpStatusCode.Conflict, "insufficient-stock");
            Assert.Equal(("inspection", 3), (refused.GetProperty("bucket").GetString(), refused.GetProperty("held").GetInt32()));
        }
        Assert.Equal(before, await EveryBalanceAsync(inventory, sku));

        Assert.Equal([
            "EU-1 return-receipt RMA-1 onHand+9 inspection+9", "EU-1 return-disposition - inspection-3", "EU-1 return-disposition - damaged+2 inspection-2",
            "EU-1 return-disposition - onHand-1 inspection-1"], (await erp.LedgerRowsAsync(sku, "EU-1")).Select(Deltas));
    }

    public static async Task DamagedStockIsNeverTakenFromCommittedStockAndIsScrapped(ServiceHost<SystemApisEntryPoint> host)
    {
        var erp = host.Admin();
        var inventory = new Inventory(erp);
        var sku = await inventory.NewSkuAsync(("EU-1", 10), ("US-1", 1));
        (await erp.ReserveAsync("ord-d-" + sku, sku, "EU-1", 6)).EnsureSuccessStatusCode();
        var before = await EveryBalanceAsync(inventory, sku);

        var refused = await (await erp.PostMovementAsync(sku, "EU-1", "damage", 5)).AssertProblemAsync(HttpStatusCode.Conflict, "insufficient-stock");
        Assert.Equal(("sellable", 4), (refused.GetProperty("bucket").GetString(), refused.GetProperty("held").GetInt32()));
        Assert.Equal(before, await EveryBalanceAsync(inventory, sku));

        (await erp.PostMovementAsync(sku, "EU-1", "damage", 4)).EnsureSuccessStatusCode();
        Assert.Equal("onHand=10 reserved=6 allocated=0 damaged=4 inspection=0 inTransit=0 inbound=0 safetyStock=0 available=0", await EveryBucketAsync(inventory, sku, "EU-1"));
        var damaged = await EveryBalanceAsync(inventory, sku);
        await (await erp.PostMovementAsync(sku, "EU-1", "scrap-damaged", 5)).AssertProblemAsync(HttpStatusCode.Conflict, "insufficient-stock");
        Assert.Equal(damaged, await EveryBalanceAsync(inventory, sku));

        (await erp.PostMovementAsync(sku, "EU-1", "scrap-damaged", 3)).EnsureSuccessStatusCode();
        Assert.Equal("onHand=7 reserved=6 allocated=0 damaged=1 inspection=0 inTransit=0 inbound=0 safetyStock=0 available=0", await EveryBucketAsync(inventory, sku, "EU-1"));
        Assert.Equal("onHand=1 reserved=0 allocated=0 damaged=0 inspection=0 inTransit=0 inbound=0 safetyStock=0 available=1", await EveryBucketAsync(inventory, sku, "US-1"));
        Assert.Equal(["EU-1 damage - damaged+4", "EU-1 scrap-damaged - onHand-3 damaged-3"],
            (await erp.LedgerRowsAsync(sku, "EU-1")).Where(r => r.MovementType is "damage" or "scrap-damaged").Select(Deltas));
    }

    public static async Task SafetyStockIsSetAbsolutelyAndLowersAvailable(ServiceHost<SystemApisEntryPoint> host)
    {
        var erp = host.Admin();
        var inventory = new Inventory(erp);
        var sku = await inventory.NewSkuAsync(("EU-1", 10), ("US-1", 3));

        var set = await (await erp.PostMovementAsync(sku, "EU-1", "safety-stock", 4)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal((4, 6), (set.GetProperty("safetyStock").GetInt32(), set.GetProperty("available").GetInt32()));
        Assert.Equal("onHand=10 reserved=0 allocated=0 damaged=0 inspection=0 inTransit=0 inbound=0 safetyStock=4 available=6", await EveryBucketAsync(inventory, sku, "EU-1"));
        (await erp.PostMovementAsync(sku, "EU-1", "safety-stock", 1)).EnsureSuccessStatusCode();
        Assert.Equal("onHand=10 reserved=0 allocated=0 damaged=0 inspection=0 inTransit=0 inbound=0 safetyStock=1 available=9", await EveryBucketAsync(inventory, sku, "EU-1"));
        Assert.Equal("onHand=3 reserved=0 allocated=0 damaged=0 inspection=0 inTransit=0 inbound=0 safetyStock=0 available=3", await EveryBucketAsync(inventory, sku, "US-1"));
        Assert.Equal(["EU-1 safety-stock - safetyStock+4", "EU-1 safety-stock - safetyStock-3"],
            (await erp.LedgerRowsAsync(sku, "EU-1")).Where(r => r.MovementType == "safety-stock").Select(Deltas));
    }

    public static async Task InvalidMovementsNameTheFailingFieldAndChangeNothing(ServiceHost<SystemApisEntryPoint> host)
    {
        var erp = host.Admin();
        var inventory = new Inventory(erp);
        var sku = await inventory.NewSkuAsync(("EU-1", 10), ("US-1", 10));
        var before = await EveryBalanceAsync(inventory, sku);
        var rows = (await erp.LedgerRowsAsync(sku)).Count;

        (string Type, int Quantity, string? To, DateTimeOffset? Eta, string? Disposition, string Field)[] invalid =
        [
            ("purchase-order", 5, null, null, null, "expectedAt"),
            ("purchase-order", 0, null, Eta, null, "quantity"),
            ("receipt", 5, null, Eta, null, "expectedAt"),
            ("purchase-receipt", -1, null, null, null, "quantity"),
            ("transfer-ship", 1, null, null, null, "toLocation"),
            ("transfer-ship", 1, "EU-1", null, null, "toLocation"),
            ("transfer-ship", 0, "US-1", null, null, "quantity"),
            ("transfer-receive", 1, "US-1", null, null, "toLocation"),
            ("return-receipt", -2, null, null, null, "quantity"),
            ("return-disposition", 1, null, null, null, "disposition"),
            ("damage", 1, null, null, "damaged", "disposition"),
            ("damage", 0, null, null, null, "quantity"),
            ("scrap-damaged", -1, null, null, null, "quantity"),
            ("safety-stock", -1, null, null, null, "quantity"),
        ];
        foreach (var (type, quantity, to, eta, disposition, field) in invalid)
        {
            var problem = await (await erp.PostMovementAsync(sku, "EU-1", type, quantity, to, eta, disposition)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{type} {quantity} names {field}: {problem}");
        }
        await (await erp.PostMovementAsync(sku, "EU-1", "return-disposition", 1, null, disposition: "lost")).AssertProblemAsync(HttpStatusCode.BadRequest, "malformed-request");

        Assert.Equal(before, await EveryBalanceAsync(inventory, sku));
        Assert.Equal(rows, (await erp.LedgerRowsAsync(sku)).Count);
    }

    private const string Nothing = "onHand=0 reserved=0 allocated=0 damaged=0 inspection=0 inTransit=0 inbound=0 safetyStock=0 available=0";

    private static string Buckets(Balance b) =>
        $"onHand={b.OnHand} reserved={b.Reserved} allocated={b.Allocated} damaged={b.Damaged} inspection={b.Inspection} "
        + $"inTransit={b.InTransit} inbound={b.Inbound} safetyStock={b.SafetyStock} available={b.Available}";

    private static async Task<string> EveryBucketAsync(Inventory inventory, string sku, string location) => Buckets(await inventory.BalanceAsync(sku, location));

    private static async Task<string> EveryBalanceAsync(Inventory inventory, string sku) =>
        string.Join("\n", (await inventory.BalancesAsync(sku)).Select(b => $"{b.Location} {Buckets(b)} version={b.Version}"));

    /// <summary>A ledger row as its location, type, document and non-zero deltas, in bucket order.</summary>
    private static string Deltas(LedgerEntry row)
    {
        var d = row.Deltas;
        var moved = new (string Bucket, int Delta)[]
        {
            ("onHand", d.OnHand), ("reserved", d.Reserved), ("allocated", d.Allocated), ("damaged", d.Damaged), ("inspection", d.Inspection),
            ("inTransit", d.InTransit), ("inbound", d.Inbound), ("safetyStock", d.SafetyStock),
        }.Where(m => m.Delta != 0).Select(m => $"{m.Bucket}{m.Delta:+0;-0}");
        return $"{row.Location} {row.MovementType} {row.ReferenceDocument ?? "-"} {string.Join(" ", moved)}";
    }
}
