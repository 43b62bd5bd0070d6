using System.Net;
using System.Net.Http.Json;
using IntegrationGateway.ProcessApis.Holds;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationGateway.ProcessApis.Tests;

/// <summary>A stack whose hold clock is a fake the tests move; everything else keeps real time.</summary>
public sealed class HoldClockStackFixture : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public Stack Stack { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Stack = Stack.Start(new StackOptions
        {
            ProcessServices = services =>
            {
                services.AddSingleton(new HoldClock(Clock));
                // The tests sweep by hand, so they can look at the moment between expiry and the sweep.
                services.Configure<HoldOptions>(o => o.SweepInterval = TimeSpan.FromDays(1));
            },
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Stack.DisposeAsync();
}

public sealed class CartHoldTests(HoldClockStackFixture fixture) : IClassFixture<HoldClockStackFixture>
{
    private readonly Stack _stack = fixture.Stack;
    private readonly HttpClient _process = fixture.Stack.Process.Client(TestTokens.Storefront("holds"));

    [Fact]
    public async Task AHoldReducesAvailabilityForOthersButNotForItsOwnCart()
    {
        var sku = await _stack.Inventory().NewSkuAsync(("EU-1", 5));
        var cart = NewCartId();

        var held = await (await HoldAsync(cart, 300, (sku, 3))).JsonAsync(HttpStatusCode.Created);

        Assert.Equal(cart, held.GetProperty("cartId").GetString());
        Assert.Equal(3, held.GetProperty("lines")[0].GetProperty("allocations")[0].GetProperty("quantity").GetInt32());
        Assert.Equal(2, await AvailableAsync(sku));
        Assert.Equal(2, await AvailableAsync(sku, NewCartId()));
        Assert.Equal(5, await AvailableAsync(sku, cart));
        Assert.Equal(3, (await _stack.Inventory().BalanceAsync(sku, "EU-1")).Reserved);
    }

    [Fact]
    public async Task AnExpiredHoldIsAvailableAtOnceAndTheSweeperThenReleasesItAtTheErp()
    {
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 5));
        var before = await inventory.SnapshotAsync(sku);
        (await HoldAsync(NewCartId(), 60, (sku, 4))).EnsureSuccessStatusCode();
        Assert.Equal(1, await AvailableAsync(sku));

        fixture.Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(5, await AvailableAsync(sku));
        Assert.Equal(4, (await inventory.BalanceAsync(sku, "EU-1")).Reserved);
        await _stack.Process.Services.GetRequiredService<HoldSweeper>().SweepAsync(CancellationToken.None);
        Assert.Equal(before, await inventory.SnapshotAsync(sku));
        Assert.Equal(5, await AvailableAsync(sku));
    }

    [Fact]
    public async Task ConfirmBeforeExpiryMakesAnOrderAndTheStockStaysReserved()
    {
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 5));
        var cart = NewCartId();
        (await HoldAsync(cart, 300, (sku, 2))).EnsureSuccessStatusCode();
        fixture.Clock.Advance(TimeSpan.FromSeconds(100));

        var order = await (await ConfirmAsync(cart)).JsonAsync(HttpStatusCode.Created);

        Assert.Equal("reserved", order.GetProperty("state").GetString());
        Assert.Equal(2, order.GetProperty("lines")[0].GetProperty("quantity").GetInt32());
        Assert.Equal(2, (await inventory.BalanceAsync(sku, "EU-1")).Reserved);
        Assert.Equal(3, await AvailableAsync(sku, cart));
        fixture.Clock.Advance(TimeSpan.FromSeconds(300));
        await _stack.Process.Services.GetRequiredService<HoldSweeper>().SweepAsync(CancellationToken.None);
        Assert.Equal(2, (await inventory.BalanceAsync(sku, "EU-1")).Reserved);
        Assert.Equal(3, await AvailableAsync(sku));
    }

    [Fact]
    public async Task ConfirmAfterExpiryIsRefusedAsCartExpired()
    {
        var sku = await _stack.Inventory().NewSkuAsync(("EU-1", 5));
        var cart = NewCartId();
        (await HoldAsync(cart, 30, (sku, 2))).EnsureSuccessStatusCode();
        fixture.Clock.Advance(TimeSpan.FromSeconds(31));

        await (await ConfirmAsync(cart)).AssertProblemAsync(HttpStatusCode.Conflict, "cart-expired");
    }

    [Theory]
    [InlineData(29)]
    [InlineData(901)]
    public async Task ATtlOutsideTheConfiguredBoundsIsRefused(int ttlSeconds)
    {
        var sku = await _stack.Inventory().NewSkuAsync(("EU-1", 5));

        await (await HoldAsync(NewCartId(), ttlSeconds, (sku, 1))).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");

        Assert.Equal(0, (await _stack.Inventory().BalanceAsync(sku, "EU-1")).Reserved);
    }

    [Fact]
    public async Task AHoldPostedTwiceWithOneKeyHoldsOnceAndAnswersTheSame()
    {
        var sku = await _stack.Inventory().NewSkuAsync(("EU-1", 5));
        var cart = NewCartId();
        var key = Guid.NewGuid().ToString();

        var first = await (await HoldAsync(cart, 300, key, (sku, 2))).JsonAsync(HttpStatusCode.Created);
        var second = await (await HoldAsync(cart, 300, key, (sku, 2))).JsonAsync(HttpStatusCode.Created);

        Assert.Equal(first.GetRawText(), second.GetRawText());
        Assert.Equal(2, (await _stack.Inventory().BalanceAsync(sku, "EU-1")).Reserved);
    }

    [Fact]
    public async Task HoldingAgainAddsLinesAndMovesTheWholeCartsExpiry()
    {
        var sku = await _stack.Inventory().NewSkuAsync(("EU-1", 5));
        var cart = NewCartId();
        (await HoldAsync(cart, 60, (sku, 1))).EnsureSuccessStatusCode();
        fixture.Clock.Advance(TimeSpan.FromSeconds(50));

        var cartNow = await (await HoldAsync(cart, 60, (sku, 2))).JsonAsync(HttpStatusCode.Created);
        fixture.Clock.Advance(TimeSpan.FromSeconds(50));

        Assert.Equal(3, cartNow.GetProperty("lines")[0].GetProperty("quantity").GetInt32());
        Assert.Equal(2, await AvailableAsync(sku));
        var order = await (await ConfirmAsync(cart)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(3, order.GetProperty("lines")[0].GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task AHoldForMoreThanIsAvailableIsRefusedAndHoldsNothing()
    {
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 2));
        var before = await inventory.SnapshotAsync(sku);

        await (await HoldAsync(NewCartId(), 300, (sku, 3))).AssertProblemAsync(HttpStatusCode.Conflict, "insufficient-stock");

        Assert.Equal(before, await inventory.SnapshotAsync(sku));
    }

    [Fact]
    public async Task ReleasingACartFreesItsHoldsAtOnce()
    {
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 5));
        var before = await inventory.SnapshotAsync(sku);
        var cart = NewCartId();
        (await HoldAsync(cart, 300, (sku, 2))).EnsureSuccessStatusCode();

        var request = new HttpRequestMessage(HttpMethod.Post, $"/process/v1/carts/{cart}/release");
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        (await _process.SendAsync(request)).EnsureSuccessStatusCode();

        Assert.Equal(before, await inventory.SnapshotAsync(sku));
        await (await ConfirmAsync(cart)).AssertProblemAsync(HttpStatusCode.Conflict, "cart-expired");
    }

    private static string NewCartId() => "cart-" + Guid.NewGuid().ToString("N")[..12];

    private Task<HttpResponseMessage> HoldAsync(string cartId, int ttlSeconds, params (string Sku, int Quantity)[] lines) =>
        HoldAsync(cartId, ttlSeconds, Guid.NewGuid().ToString(), lines);

    private Task<HttpResponseMessage> HoldAsync(string cartId, int ttlSeconds, string key, params (string Sku, int Quantity)[] lines)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/process/v1/carts/{cartId}/holds")
        {
            Content = JsonContent.Create(new { channel = "storefront", lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }).ToArray(), ttlSeconds }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return _process.SendAsync(request);
    }

    private Task<HttpResponseMessage> ConfirmAsync(string cartId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/process/v1/carts/{cartId}/confirm")
        {
            Content = JsonContent.Create(new { orderRef = "SF-" + Guid.NewGuid().ToString("N")[..8] }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return _process.SendAsync(request);
    }

    private async Task<int> AvailableAsync(string sku, string? cartId = null)
    {
        var url = $"/process/v1/availability?channel=storefront&sku={sku}" + (cartId is null ? "" : $"&cartId={cartId}");
        var availability = await (await _process.GetAsync(url)).JsonAsync(HttpStatusCode.OK);
        return availability.GetProperty("items")[0].GetProperty("available").GetInt32();
    }
}
