using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationGateway.ProcessApis.Orders;
using IntegrationGateway.ProcessApis.Steps;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationGateway.ProcessApis.Tests;

/// <summary>
/// The process dies between two steps of placing, holding, confirming or allocating an order, starts again and recovers; then the
/// invariants of DESIGN.md hold: no oversell, the retry with the same key gets one answer (exactly once), nothing
/// half-made is left, and what the ERP holds is exactly what the process placed.
/// </summary>
public abstract class CrashRecoveryTests(CrashStackFixture fixture)
{
    private readonly RestartableStack _stack = fixture.Stack;

    [Theory]
    [InlineData(ProcessSteps.OrderPending)]
    [InlineData(ProcessSteps.OrderReservedAtErp)]
    [InlineData(ProcessSteps.OrderRecorded)]
    public async Task AnOrderPlacedAcrossACrashIsReservedOnceAndItsRetryGetsOneAnswer(string step)
    {
        var sku = await _stack.Inventory().NewSkuAsync(("EU-1", 5));
        var key = Guid.NewGuid().ToString();
        var body = new { channel = "storefront", orderRef = "crash", lines = new[] { new { sku, quantity = 2 } } };

        await CrashAndRecoverAsync(step, () => Channel().KeyedPostAsync("/process/v1/orders", body, key));

        var order = await (await Channel().KeyedPostAsync("/process/v1/orders", body, key)).JsonAsync(HttpStatusCode.Created);
        var replay = await (await Channel().KeyedPostAsync("/process/v1/orders", body, key)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(order.ToString(), replay.ToString());
        Assert.Equal(2, (await _stack.Inventory().BalanceAsync(sku, "EU-1")).Reserved);
        await AssertErpHoldsWhatTheOrdersPlacedAsync(sku, Id(order));

        await (await Channel().CancelAsync(Id(order))).JsonAsync(HttpStatusCode.OK);
        await AssertErpHoldsWhatTheOrdersPlacedAsync(sku);
    }

    [Fact]
    public async Task AHoldMadeAcrossACrashIsUndoneAndItsRetryHoldsOnce()
    {
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 5));
        var cart = "cart-" + Guid.NewGuid().ToString("N")[..12];
        var key = Guid.NewGuid().ToString();
        var body = new { channel = "storefront", lines = new[] { new { sku, quantity = 2 } }, ttlSeconds = 600 };

        await CrashAndRecoverAsync(ProcessSteps.HoldReservedAtErp, () => Channel().KeyedPostAsync($"/process/v1/carts/{cart}/holds", body, key));
        // The answer never left, so recovery undid the hold rather than keep units nobody was told about.
        Assert.Equal(0, (await inventory.BalanceAsync(sku, "EU-1")).Reserved);

        var held = await (await Channel().KeyedPostAsync($"/process/v1/carts/{cart}/holds", body, key)).JsonAsync(HttpStatusCode.Created);
        var replay = await (await Channel().KeyedPostAsync($"/process/v1/carts/{cart}/holds", body, key)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(held.ToString(), replay.ToString());
        Assert.Equal(2, (await inventory.BalanceAsync(sku, "EU-1")).Reserved);
        var order = await (await Channel().KeyedPostAsync($"/process/v1/carts/{cart}/confirm", new { orderRef = "crash-hold" })).JsonAsync(HttpStatusCode.Created);
        await AssertErpHoldsWhatTheOrdersPlacedAsync(sku, Id(order));
    }

    [Theory]
    [InlineData(ProcessSteps.ConfirmClaimed)]
    [InlineData(ProcessSteps.ConfirmTransferred)]
    [InlineData(ProcessSteps.ConfirmRecorded)]
    public async Task ACartConfirmedAcrossACrashBecomesOneOrderWhereItsHoldsWereAndStaysHeldThroughout(string step)
    {
        var inventory = _stack.Inventory();
        // Neither location has all five: the hold is split, and the order must keep the split.
        var sku = await inventory.NewSkuAsync(("EU-1", 3), ("US-1", 4));
        var cart = "cart-" + Guid.NewGuid().ToString("N")[..12];
        var held = await (await Channel().KeyedPostAsync($"/process/v1/carts/{cart}/holds",
            new { channel = "storefront", lines = new[] { new { sku, quantity = 5 } }, ttlSeconds = 600 })).JsonAsync(HttpStatusCode.Created);
        var where = Allocations(held.GetProperty("lines")[0]);
        var before = await inventory.SnapshotAsync(sku);
        var key = Guid.NewGuid().ToString();
        var body = new { orderRef = "crash-cart" };

        await CrashAndRecoverAsync(step, () => Channel().KeyedPostAsync($"/process/v1/carts/{cart}/confirm", body, key),
            whileDown: async () => Assert.Equal(before, await inventory.SnapshotAsync(sku)));

        var order = await (await Channel().KeyedPostAsync($"/process/v1/carts/{cart}/confirm", body, key)).JsonAsync(HttpStatusCode.Created);
        var replay = await (await Channel().KeyedPostAsync($"/process/v1/carts/{cart}/confirm", body, key)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(order.ToString(), replay.ToString());
        Assert.Equal(where, Allocations(order.GetProperty("lines")[0]));
        Assert.Equal(before, await inventory.SnapshotAsync(sku));
        await AssertErpHoldsWhatTheOrdersPlacedAsync(sku, Id(order));

        // The order is an order like any other: it allocates and cancels, and the holds hold nothing any more.
        var allocated = await (await Operator().AllocateAsync(Id(order))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("allocated", allocated.GetProperty("state").GetString());
        await AssertErpHoldsWhatTheOrdersPlacedAsync(sku, Id(order));
        await (await Channel().CancelAsync(Id(order))).JsonAsync(HttpStatusCode.OK);
        await AssertErpHoldsWhatTheOrdersPlacedAsync(sku);
        Assert.All(await inventory.BalancesAsync(sku), b => Assert.Equal((0, 0), (b.Reserved, b.Allocated)));
    }

    [Theory]
    [InlineData(ProcessSteps.AllocatedAtErp)]
    [InlineData(ProcessSteps.AllocatePicked)]
    [InlineData(ProcessSteps.AllocateRecorded)]
    public async Task AnAllocationAcrossACrashOpensOnePickAndItsRetryGetsTheAllocatedOrder(string step)
    {
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 5));
        var placed = await (await Channel().PlaceOrderAsync("storefront", allowBackorder: false, (sku, 2))).JsonAsync(HttpStatusCode.Created);
        var orderId = Id(placed);
        var key = Guid.NewGuid().ToString();

        await CrashAndRecoverAsync(step, () => Operator().AllocateAsync(orderId, key));
        // The crashed request held the order's lease; it lapses by itself (30 s), sooner here.
        fixture.LeaseClock.Advance(TimeSpan.FromMinutes(1));

        var allocated = await (await Operator().AllocateAsync(orderId, key)).JsonAsync(HttpStatusCode.OK);
        var replay = await (await Operator().AllocateAsync(orderId, key)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(allocated.ToString(), replay.ToString());
        var placement = allocated.OnlyAllocation();
        Assert.Equal(("allocated", 2), (placement.GetProperty("state").GetString(), placement.GetProperty("quantity").GetInt32()));
        var picks = await (await _stack.Erp.Client(TestTokens.Admin()).GetAsync($"/system/wms/v1/picks?reference={orderId}")).JsonAsync(HttpStatusCode.OK);
        var pick = Assert.Single(picks.EnumerateArray());
        Assert.Equal(placement.GetProperty("pickId").GetString(), pick.GetProperty("id").GetString());
        var balance = await inventory.BalanceAsync(sku, "EU-1");
        Assert.Equal((0, 2), (balance.Reserved, balance.Allocated));
        await AssertErpHoldsWhatTheOrdersPlacedAsync(sku, orderId);
    }

    /// <summary>
    /// Sends the request, lets it reach <paramref name="step"/> and stops the process there: the caller never gets an
    /// answer. <paramref name="whileDown"/> looks at the world before the process is back; then it starts and recovers.
    /// </summary>
    private async Task CrashAndRecoverAsync(string step, Func<Task<HttpResponseMessage>> request, Func<Task>? whileDown = null)
    {
        var reached = fixture.Gate.CrashAt(step);
        var inFlight = request();
        var first = await Task.WhenAny(reached, inFlight, Task.Delay(TimeSpan.FromSeconds(30)));
        if (first != reached)
        {
            fixture.Gate.Disarm();
            Assert.Fail(first == inFlight ? $"The request answered {(int)(await inFlight).StatusCode} before reaching {step}." : $"No request reached {step}.");
        }

        await _stack.RestartProcessAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => inFlight);
        if (whileDown is not null)
        {
            await whileDown();
        }
        await _stack.Process.Services.GetRequiredService<OrderRecovery>().RecoverAsync(CancellationToken.None);
    }

    /// <summary>
    /// No oversell anywhere, and per location what the ERP holds reserved and allocated for the SKU is exactly what the
    /// given orders place there: nothing was left behind by a crashed attempt, a hold or a compensation.
    /// </summary>
    private async Task AssertErpHoldsWhatTheOrdersPlacedAsync(string sku, params string[] orderIds)
    {
        var orders = new List<JsonElement>();
        foreach (var id in orderIds)
        {
            orders.Add(await (await Channel().GetAsync($"/process/v1/orders/{id}")).JsonAsync(HttpStatusCode.OK));
        }
        var placed = orders.SelectMany(o => o.GetProperty("lines").EnumerateArray()).Where(l => l.GetProperty("sku").GetString() == sku)
            .SelectMany(l => l.GetProperty("allocations").EnumerateArray())
            .Select(a => (Location: a.GetProperty("location").GetString()!, State: a.GetProperty("state").GetString()!, Quantity: a.GetProperty("quantity").GetInt32()))
            .ToList();
        foreach (var balance in await _stack.Inventory().BalancesAsync(sku))
        {
            Assert.True(balance.Reserved + balance.Allocated <= balance.OnHand - balance.Damaged - balance.Inspection, $"{sku} oversold at {balance.Location}.");
            var here = placed.Where(p => p.Location == balance.Location).ToList();
            Assert.Equal(
                (here.Where(p => p.State == "reserved").Sum(p => p.Quantity), here.Where(p => p.State == "allocated").Sum(p => p.Quantity)),
                (balance.Reserved, balance.Allocated));
        }
    }

    private HttpClient Channel() => _stack.Process.Client(TestTokens.Storefront("crash"));

    private HttpClient Operator() => _stack.Process.Client(TestTokens.Admin());

    private static string Id(JsonElement order) => order.GetProperty("id").GetString()!;

    private static string Allocations(JsonElement line) => string.Join(", ", line.GetProperty("allocations").EnumerateArray()
        .Select(a => $"{a.GetProperty("location").GetString()}={a.GetProperty("quantity").GetInt32()}").Order(StringComparer.Ordinal));
}

public sealed class CrashRecoveryOnSqliteTests(CrashStackOnSqliteFixture fixture) : CrashRecoveryTests(fixture), IClassFixture<CrashStackOnSqliteFixture>;

public sealed class CrashRecoveryOnPostgresTests(CrashStackOnPostgresFixture fixture) : CrashRecoveryTests(fixture), IClassFixture<CrashStackOnPostgresFixture>;
