using System.Net;
using System.Text.Json;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;

namespace IntegrationGateway.Gateway.Tests;

public sealed class SourcingThroughGatewayTests(SqliteStackFixture fixture) : IClassFixture<SqliteStackFixture>
{
    private readonly Stack _stack = fixture.Stack;

    [Fact]
    public async Task AvailabilityIsTheSumOverLocationsThatServeTheChannel()
    {
        var sku = await _stack.Inventory().NewSkuAsync(("EU-1", 4), ("US-1", 3));

        var level = await (await _stack.StorefrontClient("sourcing-1").GetAsync($"/storefront/v1/availability/{sku}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(7, level.GetProperty("available").GetInt32());
        Assert.Equal("in_stock", level.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnOrderForAllStockIsSplitAcrossLocationsInPriorityOrder()
    {
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 4), ("US-1", 3));

        var order = await (await _stack.StorefrontClient("sourcing-2").PlaceOrderAsync(OrderRequests.Order((sku, 7)))).JsonAsync(HttpStatusCode.Created);

        Assert.Equal("reserved", order.GetProperty("state").GetString());
        var allocations = order.GetProperty("lines")[0].GetProperty("allocations").EnumerateArray()
            .ToDictionary(a => a.GetProperty("location").GetString()!, a => a.GetProperty("quantity").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["EU-1"] = 4, ["US-1"] = 3 }, allocations);
        Assert.Equal(4, (await inventory.BalanceAsync(sku, "EU-1")).Reserved);
        Assert.Equal(3, (await inventory.BalanceAsync(sku, "US-1")).Reserved);
    }

    [Fact]
    public async Task AnOrderForMoreThanAllStockIsRefusedWithItsShortageAndReservesNothing()
    {
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 4), ("US-1", 3));
        var before = await inventory.SnapshotAsync(sku);

        var problem = await (await _stack.StorefrontClient("sourcing-3").PlaceOrderAsync(OrderRequests.Order((sku, 8))))
            .AssertProblemAsync(HttpStatusCode.Conflict, "insufficient-stock");

        var shortage = problem.GetProperty("shortages").EnumerateArray().Single();
        Assert.Equal(sku, shortage.GetProperty("sku").GetString());
        Assert.Equal(8, shortage.GetProperty("requested").GetInt32());
        Assert.Equal(7, shortage.GetProperty("available").GetInt32());
        Assert.Equal(before, await inventory.SnapshotAsync(sku));
    }

    [Fact]
    public async Task AShipToRegionThatCanFillTheOrderIsPreferred()
    {
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 4), ("US-1", 3));

        var order = await (await _stack.StorefrontClient("sourcing-4").PlaceOrderAsync(OrderRequests.Order("us", true, (sku, 3)))).JsonAsync(HttpStatusCode.Created);

        var allocation = order.GetProperty("lines")[0].GetProperty("allocations").EnumerateArray().Single();
        Assert.Equal("US-1", allocation.GetProperty("location").GetString());
        Assert.Equal(3, allocation.GetProperty("quantity").GetInt32());
        Assert.Equal(0, (await inventory.BalanceAsync(sku, "EU-1")).Reserved);
    }

    [Fact]
    public async Task AnOrderThatMayNotSplitIsRefusedWhenNoSingleLocationCanFillIt()
    {
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 4), ("US-1", 3));
        var before = await inventory.SnapshotAsync(sku);

        await (await _stack.StorefrontClient("sourcing-5").PlaceOrderAsync(OrderRequests.Order(null, false, (sku, 5))))
            .AssertProblemAsync(HttpStatusCode.Conflict, "insufficient-stock");

        Assert.Equal(before, await inventory.SnapshotAsync(sku));
    }

    [Fact]
    public async Task AThreeLineOrderWhoseThirdLineIsShortLeavesEveryBalanceExactlyAsBefore()
    {
        var inventory = _stack.Inventory();
        var first = await inventory.NewSkuAsync(("EU-1", 5), ("US-1", 5));
        var second = await inventory.NewSkuAsync(("EU-1", 2), ("US-1", 9));
        var third = await inventory.NewSkuAsync(("EU-1", 1));
        var before = await inventory.SnapshotAsync(first, second, third);

        await (await _stack.StorefrontClient("compensation-1").PlaceOrderAsync(OrderRequests.Order((first, 7), (second, 10), (third, 2))))
            .AssertProblemAsync(HttpStatusCode.Conflict, "insufficient-stock");

        Assert.Equal(before, await inventory.SnapshotAsync(first, second, third));
    }

    [Fact]
    public async Task TwoLinesOfTheSameSkuAreSummedBeforeTheyAreChecked()
    {
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 1));

        await (await _stack.StorefrontClient("summing-1").PlaceOrderAsync(OrderRequests.Order((sku, 1), (sku, 1))))
            .AssertProblemAsync(HttpStatusCode.Conflict, "insufficient-stock");

        Assert.Equal(0, (await inventory.BalanceAsync(sku, "EU-1")).Reserved);
    }

    [Fact]
    public async Task CancellingReleasesTheStockAndASecondCancelIsNotAnError()
    {
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 3));
        var client = _stack.StorefrontClient("cancel-1");
        var order = await (await client.PlaceOrderAsync(OrderRequests.Order((sku, 2)))).JsonAsync(HttpStatusCode.Created);
        var id = order.GetProperty("id").GetString()!;
        Assert.Equal(2, (await inventory.BalanceAsync(sku, "EU-1")).Reserved);

        var cancelled = await (await client.CancelOrderAsync(id)).JsonAsync(HttpStatusCode.OK);
        var again = await (await client.CancelOrderAsync(id)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("cancelled", cancelled.GetProperty("state").GetString());
        Assert.Equal("cancelled", again.GetProperty("state").GetString());
        var balance = await inventory.BalanceAsync(sku, "EU-1");
        Assert.Equal((0, 3), (balance.Reserved, balance.Available));
    }

    [Fact]
    public async Task TheSameOrderPostedTwiceWithOneKeyReservesOnceAndAnswersTheSame()
    {
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 10));
        var client = _stack.StorefrontClient("idempotency-1");
        var order = OrderRequests.Order((sku, 3));

        var first = await (await client.PlaceOrderAsync(order, "key-" + sku)).Content.ReadAsStringAsync();
        var replay = await client.PlaceOrderAsync(order, "key-" + sku);

        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(JsonDocument.Parse(first).RootElement.GetProperty("id").GetString(),
            (await replay.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString());
        Assert.Equal(3, (await inventory.BalanceAsync(sku, "EU-1")).Reserved);
    }

    [Fact]
    public async Task AnotherBodyWithAUsedKeyIsRefusedWith422AndChangesNothing()
    {
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 10));
        var client = _stack.StorefrontClient("idempotency-2");
        (await client.PlaceOrderAsync(OrderRequests.Order((sku, 3)), "key-" + sku)).EnsureSuccessStatusCode();

        await (await client.PlaceOrderAsync(OrderRequests.Order((sku, 4)), "key-" + sku))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");

        Assert.Equal(3, (await inventory.BalanceAsync(sku, "EU-1")).Reserved);
    }

    [Fact]
    public async Task ConcurrentReplaysOfOneKeyReserveOnce()
    {
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 50));
        var client = _stack.StorefrontClient("idempotency-3");
        var order = OrderRequests.Order((sku, 2));

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.PlaceOrderAsync(order, "key-" + sku)));

        // Each duplicate gets the first answer, or is told the first is still being processed; none reserves again.
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.Equal(2, (await inventory.BalanceAsync(sku, "EU-1")).Reserved);
    }
}
