using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;
using IntegrationGateway.ProcessApis.Fulfilment;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationGateway.ProcessApis.Tests;

/// <summary>
/// Allocation, ship confirm, pick refusal, cancel after allocation, short counts and backorders, end to end through the
/// process, WMS and ERP APIs, with every bucket checked before and after. Runs on SQLite and on PostgreSQL.
/// </summary>
public abstract class FulfilmentFlowTests(Stack stack)
{
    private readonly Stack _stack = stack;
    private readonly HttpClient _channel = stack.Process.Client(TestTokens.Storefront("fulfilment"));
    private readonly HttpClient _ops = stack.Process.Client(TestTokens.Admin());
    private readonly HttpClient _system = stack.Erp.Client(TestTokens.Admin());
    private readonly Inventory _inventory = stack.Inventory();

    [Fact]
    public async Task AllocateOpensAPickAndShipConfirmTakesAllocatedAndOnHandDown()
    {
        var sku = await _inventory.NewSkuAsync(("EU-1", 10));
        var order = await PlaceAsync(sku, 3);
        Assert.Equal("onHand=10 reserved=3 allocated=0 damaged=0 inspection=0 inTransit=0 available=7", await BucketsAsync(sku, "EU-1"));

        var allocated = await (await _ops.AllocateAsync(order)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("allocated", allocated.GetProperty("state").GetString());
        var placement = allocated.OnlyAllocation();
        Assert.Equal("allocated", placement.GetProperty("state").GetString());
        var pickId = placement.GetProperty("pickId").GetString()!;
        Assert.Equal("onHand=10 reserved=0 allocated=3 damaged=0 inspection=0 inTransit=0 available=7", await BucketsAsync(sku, "EU-1"));
        var pick = await (await _system.GetAsync($"/system/wms/v1/picks/{pickId}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("open", 3, "EU-1", order), (pick.GetProperty("state").GetString(), pick.GetProperty("quantity").GetInt32(), pick.GetProperty("location").GetString(), pick.GetProperty("reference").GetString()));

        var key = Guid.NewGuid().ToString();
        var shipped = await (await _ops.ShipConfirmAsync(pickId, key)).JsonAsync(HttpStatusCode.OK);
        var replay = await (await _ops.ShipConfirmAsync(pickId, key)).JsonAsync(HttpStatusCode.OK);
        var again = await (await _ops.ShipConfirmAsync(pickId)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("shipped", shipped.GetProperty("state").GetString());
        Assert.Equal(shipped.ToString(), replay.ToString());
        Assert.Equal("shipped", again.GetProperty("state").GetString());
        Assert.Equal("onHand=7 reserved=0 allocated=0 damaged=0 inspection=0 inTransit=0 available=7", await BucketsAsync(sku, "EU-1"));
        Assert.Equal(["reservation", "allocation", "shipment"], await LedgerTypesAsync(sku, "EU-1", skip: 1));
        // A shipped order cannot be cancelled; nothing moves.
        await (await _channel.CancelAsync(order)).AssertProblemAsync(HttpStatusCode.Conflict, "invalid-state");
        Assert.Equal("onHand=7 reserved=0 allocated=0 damaged=0 inspection=0 inTransit=0 available=7", await BucketsAsync(sku, "EU-1"));
    }

    [Fact]
    public async Task APickRefusalFlagsTheLocationAndReSourcesTheUnitsElsewhere()
    {
        var sku = await _inventory.NewSkuAsync(("EU-1", 5), ("US-1", 4));
        var order = await PlaceAsync(sku, 3);
        var pickId = (await (await _ops.AllocateAsync(order)).JsonAsync(HttpStatusCode.OK)).OnlyAllocation().GetProperty("pickId").GetString()!;

        var after = await (await _ops.RefuseAsync(pickId, "bin empty")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("reserved", after.GetProperty("state").GetString());
        var placement = after.OnlyAllocation();
        Assert.Equal(("US-1", 3, "reserved"), (placement.GetProperty("location").GetString(), placement.GetProperty("quantity").GetInt32(), placement.GetProperty("state").GetString()));
        Assert.Equal(0, after.GetProperty("lines")[0].GetProperty("backordered").GetInt32());
        Assert.Equal("onHand=5 reserved=0 allocated=0 damaged=0 inspection=0 inTransit=0 available=5", await BucketsAsync(sku, "EU-1"));
        Assert.Equal("onHand=4 reserved=3 allocated=0 damaged=0 inspection=0 inTransit=0 available=1", await BucketsAsync(sku, "US-1"));
        var pick = await (await _system.GetAsync($"/system/wms/v1/picks/{pickId}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("refused", "bin empty"), (pick.GetProperty("state").GetString(), pick.GetProperty("reason").GetString()));
        var flags = await (await _system.GetAsync("/system/wms/v1/count-flags")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(flags.EnumerateArray(), f => f.GetProperty("sku").GetString() == sku && f.GetProperty("location").GetString() == "EU-1" && f.GetProperty("pickId").GetString() == pickId);

        // The count the flag asked for resolves it.
        (await _ops.CountAsync(sku, "EU-1", 2)).EnsureSuccessStatusCode();
        flags = await (await _system.GetAsync("/system/wms/v1/count-flags")).JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(flags.EnumerateArray(), f => f.GetProperty("sku").GetString() == sku);
        Assert.Equal("onHand=2 reserved=0 allocated=0 damaged=0 inspection=0 inTransit=0 available=2", await BucketsAsync(sku, "EU-1"));
    }

    [Fact]
    public async Task ARefusalWithNowhereElseBackordersAndArrivingStockFillsIt()
    {
        var sku = await _inventory.NewSkuAsync(("EU-1", 3));
        var order = await PlaceAsync(sku, 3);
        var pickId = (await (await _ops.AllocateAsync(order)).JsonAsync(HttpStatusCode.OK)).OnlyAllocation().GetProperty("pickId").GetString()!;

        var after = await (await _ops.RefuseAsync(pickId)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("backordered", after.GetProperty("state").GetString());
        Assert.Equal(3, after.GetProperty("lines")[0].GetProperty("backordered").GetInt32());
        Assert.Empty(after.GetProperty("lines")[0].GetProperty("allocations").EnumerateArray());
        Assert.Equal("onHand=3 reserved=0 allocated=0 damaged=0 inspection=0 inTransit=0 available=3", await BucketsAsync(sku, "EU-1"));

        await _inventory.ReceiveAsync(sku, "US-1", 5);
        // The pass asked for here, or the background one if it got there first: either fills the backorder, once.
        await (await _ops.FillBackordersAsync()).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("onHand=5 reserved=3 allocated=0 damaged=0 inspection=0 inTransit=0 available=2", await BucketsAsync(sku, "US-1"));
        var filled = await (await _channel.GetAsync($"/process/v1/orders/{order}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("reserved", filled.GetProperty("state").GetString());
        Assert.Equal(0, filled.GetProperty("lines")[0].GetProperty("backordered").GetInt32());
    }

    [Fact]
    public async Task CancelAfterAllocationCancelsThePickAndTheUnitsAreSellableAgain()
    {
        var sku = await _inventory.NewSkuAsync(("EU-1", 10));
        var order = await PlaceAsync(sku, 4);
        var pickId = (await (await _ops.AllocateAsync(order)).JsonAsync(HttpStatusCode.OK)).OnlyAllocation().GetProperty("pickId").GetString()!;
        Assert.Equal("onHand=10 reserved=0 allocated=4 damaged=0 inspection=0 inTransit=0 available=6", await BucketsAsync(sku, "EU-1"));

        var cancelled = await (await _channel.CancelAsync(order)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("cancelled", cancelled.GetProperty("state").GetString());
        Assert.Equal("onHand=10 reserved=0 allocated=0 damaged=0 inspection=0 inTransit=0 available=10", await BucketsAsync(sku, "EU-1"));
        var pick = await (await _system.GetAsync($"/system/wms/v1/picks/{pickId}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("cancelled", pick.GetProperty("state").GetString());
        // The WMS refuses to ship a withdrawn pick, and the ERP is not posted.
        await (await _ops.ShipConfirmAsync(pickId)).AssertProblemAsync(HttpStatusCode.Conflict, "invalid-state");
        Assert.Equal("onHand=10 reserved=0 allocated=0 damaged=0 inspection=0 inTransit=0 available=10", await BucketsAsync(sku, "EU-1"));
    }

    [Fact]
    public async Task ACountBelowCommittedShortsTheNewestOrderWhichIsReSourcedAndBackordered()
    {
        var sku = await _inventory.NewSkuAsync(("EU-1", 10), ("US-1", 2));
        var older = await PlaceAsync(sku, 4);
        var newer = await PlaceAsync(sku, 4);
        Assert.Equal("onHand=10 reserved=8 allocated=0 damaged=0 inspection=0 inTransit=0 available=2", await BucketsAsync(sku, "EU-1"));

        var counted = await (await _ops.CountAsync(sku, "EU-1", 5)).JsonAsync(HttpStatusCode.Created);

        Assert.Equal((5, 0), (counted.GetProperty("onHand").GetInt32(), counted.GetProperty("available").GetInt32()));
        var line = counted.GetProperty("shortLines").EnumerateArray().Single();
        Assert.Equal((newer, "EU-1", 3, "backordered"),
            (line.GetProperty("reference").GetString(), line.GetProperty("location").GetString(), line.GetProperty("quantity").GetInt32(), line.GetProperty("outcome").GetString()));
        Assert.Equal("onHand=5 reserved=5 allocated=0 damaged=0 inspection=0 inTransit=0 available=0", await BucketsAsync(sku, "EU-1"));
        Assert.Equal("onHand=2 reserved=2 allocated=0 damaged=0 inspection=0 inTransit=0 available=0", await BucketsAsync(sku, "US-1"));

        var newerOrder = await (await _channel.GetAsync($"/process/v1/orders/{newer}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("backordered", newerOrder.GetProperty("state").GetString());
        Assert.Equal(1, newerOrder.GetProperty("lines")[0].GetProperty("backordered").GetInt32());
        Assert.Equal("EU-1:1,US-1:2", Placements(newerOrder));
        var olderOrder = await (await _channel.GetAsync($"/process/v1/orders/{older}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("reserved", "EU-1:4"), (olderOrder.GetProperty("state").GetString(), Placements(olderOrder)));
        Assert.Empty(await UnresolvedShortsAsync(sku));
    }

    [Fact]
    public async Task ACountPostedStraightToTheErpIsFoundByTheSweepAndItsOrderIsReSourcedOnce()
    {
        var sku = await _inventory.NewSkuAsync(("EU-1", 5), ("US-1", 3));
        var order = await PlaceAsync(sku, 4);

        var counted = await (await _system.KeyedPostAsync("/system/erp/v1/counts", new { sku, location = "EU-1", countedOnHand = 1 })).JsonAsync(HttpStatusCode.Created);

        var shorted = counted.GetProperty("shorted").EnumerateArray().Single();
        Assert.Equal((order, 3, "short"), (shorted.GetProperty("reference").GetString(), shorted.GetProperty("quantity").GetInt32(), shorted.GetProperty("state").GetString()));
        Assert.Equal("onHand=1 reserved=1 allocated=0 damaged=0 inspection=0 inTransit=0 available=0", await BucketsAsync(sku, "EU-1"));
        Assert.Equal([shorted.GetProperty("id").GetString()!], await UnresolvedShortsAsync(sku));

        // Two sweeps (and the background one, whenever it runs): the reservation is re-sourced once.
        await _stack.Process.Services.GetRequiredService<ShortSweeper>().SweepAsync(CancellationToken.None);
        await _stack.Process.Services.GetRequiredService<ShortSweeper>().SweepAsync(CancellationToken.None);

        Assert.Equal((0, "EU-1:1,US-1:3"), await WaitingAsync(order));
        Assert.Equal("onHand=3 reserved=3 allocated=0 damaged=0 inspection=0 inTransit=0 available=0", await BucketsAsync(sku, "US-1"));
        Assert.Empty(await UnresolvedShortsAsync(sku));
    }

    [Fact]
    public async Task BackordersAreFilledFirstComeFirstServedAsStockArrivesByReceiptTransferAndReturn()
    {
        var sku = await _inventory.NewSkuAsync();
        var first = await PlaceAsync(sku, 3, allowBackorder: true);
        var second = await PlaceAsync(sku, 2, allowBackorder: true);
        Assert.Equal(0, (await _inventory.BalanceAsync(sku, "EU-1")).Reserved);

        await _inventory.ReceiveAsync(sku, "EU-1", 4);
        await (await _ops.FillBackordersAsync()).JsonAsync(HttpStatusCode.OK);

        Assert.Equal((0, "EU-1:3"), await WaitingAsync(first));
        Assert.Equal((1, "EU-1:1"), await WaitingAsync(second));
        Assert.Equal("onHand=4 reserved=4 allocated=0 damaged=0 inspection=0 inTransit=0 available=0", await BucketsAsync(sku, "EU-1"));

        // A return put back to sellable is arriving stock too.
        (await _system.MoveAsync(new MovementRequest { Sku = sku, Location = "US-1", Type = MovementType.ReturnReceipt, Quantity = 1 })).EnsureSuccessStatusCode();
        await (await _ops.FillBackordersAsync()).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((1, "EU-1:1"), await WaitingAsync(second));
        (await _system.MoveAsync(new MovementRequest { Sku = sku, Location = "US-1", Type = MovementType.ReturnDisposition, Disposition = ReturnDisposition.Sellable, Quantity = 1 })).EnsureSuccessStatusCode();
        await (await _ops.FillBackordersAsync()).JsonAsync(HttpStatusCode.OK);

        Assert.Equal((0, "EU-1:1,US-1:1"), await WaitingAsync(second));
        Assert.Equal("onHand=1 reserved=1 allocated=0 damaged=0 inspection=0 inTransit=0 available=0", await BucketsAsync(sku, "US-1"));
    }

    [Fact]
    public async Task ANewOrderDoesNotTakeArrivedStockThatAnEarlierBackorderWaitsFor()
    {
        var sku = await _inventory.NewSkuAsync();
        var waiting = await PlaceAsync(sku, 3, allowBackorder: true);
        await _inventory.ReceiveAsync(sku, "EU-1", 4);

        // No fill pass was asked for: the new order itself lets the backorder go first.
        await (await _channel.PlaceOrderAsync("storefront", false, (sku, 2))).AssertProblemAsync(HttpStatusCode.Conflict, "insufficient-stock");
        var later = await PlaceAsync(sku, 2, allowBackorder: true);

        Assert.Equal((0, "EU-1:3"), await WaitingAsync(waiting));
        Assert.Equal((1, "EU-1:1"), await WaitingAsync(later));
        Assert.Equal("onHand=4 reserved=4 allocated=0 damaged=0 inspection=0 inTransit=0 available=0", await BucketsAsync(sku, "EU-1"));
    }

    [Fact]
    public async Task BadFulfilmentInputIsAProblemAndChangesNothing()
    {
        var sku = await _inventory.NewSkuAsync(("EU-1", 5));
        var order = await PlaceAsync(sku, 2);
        var pickId = (await (await _ops.AllocateAsync(order)).JsonAsync(HttpStatusCode.OK)).OnlyAllocation().GetProperty("pickId").GetString()!;
        var before = await BucketsAsync(sku, "EU-1");

        await (await _ops.RefuseAsync(pickId, reason: "")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await _ops.ShipConfirmAsync("pick_nope")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _ops.AllocateAsync("ord_nope")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _ops.CountAsync(sku, "EU-1", -1)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await _ops.CountAsync(sku, "XX-9", 1)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _channel.AllocateAsync(order)).AssertProblemAsync(HttpStatusCode.Forbidden);
        using (var keyless = new HttpRequestMessage(HttpMethod.Post, $"/process/v1/picks/{pickId}/ship-confirm"))
        {
            await (await _ops.SendAsync(keyless)).AssertProblemAsync(HttpStatusCode.BadRequest, "idempotency-key-missing");
        }
        Assert.Equal("onHand=5 reserved=0 allocated=2 damaged=0 inspection=0 inTransit=0 available=3", before);
        Assert.Equal(before, await BucketsAsync(sku, "EU-1"));

        var key = Guid.NewGuid().ToString();
        (await _ops.RefuseAsync(pickId, "bin empty", key)).EnsureSuccessStatusCode();
        await (await _ops.RefuseAsync(pickId, "another reason", key)).AssertProblemAsync((HttpStatusCode)422, "idempotency-key-reused");
        Assert.Equal("onHand=5 reserved=0 allocated=0 damaged=0 inspection=0 inTransit=0 available=5", await BucketsAsync(sku, "EU-1"));
    }

    private async Task<string> PlaceAsync(string sku, int quantity, bool allowBackorder = false) =>
        (await (await _channel.PlaceOrderAsync("storefront", allowBackorder, (sku, quantity))).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

    private async Task<List<string>> UnresolvedShortsAsync(string sku) =>
        (await (await _system.GetAsync("/system/erp/v1/reservations/short")).JsonAsync(HttpStatusCode.OK)).EnumerateArray()
            .Where(r => r.GetProperty("sku").GetString() == sku).Select(r => r.GetProperty("id").GetString()!).ToList();

    private async Task<string> BucketsAsync(string sku, string location) => (await _inventory.BalanceAsync(sku, location)).Buckets();

    private async Task<(int Backordered, string Placements)> WaitingAsync(string orderId)
    {
        var order = await (await _channel.GetAsync($"/process/v1/orders/{orderId}")).JsonAsync(HttpStatusCode.OK);
        return (order.GetProperty("lines")[0].GetProperty("backordered").GetInt32(), Placements(order));
    }

    private static string Placements(JsonElement order) => string.Join(",", order.GetProperty("lines")[0].GetProperty("allocations").EnumerateArray()
        .GroupBy(a => a.GetProperty("location").GetString()).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Sum(a => a.GetProperty("quantity").GetInt32())}"));

    private async Task<List<string>> LedgerTypesAsync(string sku, string location, int skip)
    {
        var page = await _system.GetFromJsonAsync<JsonElement>($"/system/erp/v1/ledger?sku={sku}&location={location}");
        return page.GetProperty("entries").EnumerateArray().Skip(skip).Select(e => e.GetProperty("movementType").GetString()!).ToList();
    }
}

public sealed class FulfilmentFlowOnSqliteTests(SqliteStackFixture fixture) : FulfilmentFlowTests(fixture.Stack), IClassFixture<SqliteStackFixture>;

public sealed class FulfilmentFlowOnPostgresTests(PostgresStackFixture fixture) : FulfilmentFlowTests(fixture.Stack), IClassFixture<PostgresStackFixture>;
