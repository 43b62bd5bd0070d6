using System.Net;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;

namespace IntegrationGateway.Gateway.Tests;

/// <summary>The marketplace API end to end, on every store the product supports (the feed history is process SQL).</summary>
public abstract class MarketplaceThroughGatewayTests(Stack stack)
{
    private readonly Stack _stack = stack;

    [Fact]
    public async Task TheFeedPublishesEverySkuUnderTheMarketplaceRules()
    {
        await _stack.PutChannelAsync("marketplace", "marketplace", new { skuClass = "*", stockPercent = 50, buffer = 1 });
        var sku = await _stack.Inventory().NewSkuAsync(("EU-1", 10), ("US-1", 10));
        var empty = await _stack.Inventory().NewSkuAsync();

        var feed = MarketplaceRequests.Quantities(await (await _stack.MarketplaceClient("mp-feed").FeedAsync()).JsonAsync(HttpStatusCode.OK));

        Assert.Equal(9, feed[sku]); // 50 % of 20, minus 1
        Assert.Equal(0, feed[empty]);
    }

    [Fact]
    public async Task AFeedCursorReturnsOnlyWhatChangedAndNothingWhenNothingDid()
    {
        var inventory = _stack.Inventory();
        var changed = await inventory.NewSkuAsync(("EU-1", 4));
        var unchanged = await inventory.NewSkuAsync(("EU-1", 6));
        var client = _stack.MarketplaceClient("mp-cursor");
        var first = await (await client.FeedAsync()).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(unchanged, MarketplaceRequests.Quantities(first).Keys);

        await inventory.ReceiveAsync(changed, "US-1", 5);
        var second = await (await client.FeedAsync(first.GetProperty("cursor").GetString())).JsonAsync(HttpStatusCode.OK);
        var third = await (await client.FeedAsync(second.GetProperty("cursor").GetString())).JsonAsync(HttpStatusCode.OK);

        var delta = MarketplaceRequests.Quantities(second);
        Assert.Equal([changed], delta.Keys);
        Assert.True(delta[changed] > MarketplaceRequests.Quantities(first)[changed]);
        Assert.Empty(third.GetProperty("items").EnumerateArray());
        // Reading stores nothing: with nothing changed, the cursor stays where it was.
        Assert.Equal(second.GetProperty("cursor").GetString(), third.GetProperty("cursor").GetString());
    }

    [Fact]
    public async Task ASecondMarketplaceGetsItsOwnFeedUnderItsOwnRules()
    {
        var channel = "mp-" + Guid.NewGuid().ToString("N")[..8];
        await _stack.PutChannelAsync(channel, "marketplace", new { skuClass = "*", stockPercent = 100, buffer = 0, maxPublished = 3 });
        var sku = await _stack.Inventory().NewSkuAsync(("EU-1", 10));

        var own = MarketplaceRequests.Quantities(await (await _stack.MarketplaceClient("mp-second", channel).FeedAsync()).JsonAsync(HttpStatusCode.OK));
        var first = await (await _stack.MarketplaceClient("mp-first").FeedAsync()).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(3, own[sku]);
        Assert.NotEqual(3, MarketplaceRequests.Quantities(first)[sku]);
        // A cursor of one marketplace's feed means nothing on another's.
        await (await _stack.MarketplaceClient("mp-second", channel).FeedAsync(first.GetProperty("cursor").GetString()))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
    }

    [Theory]
    [InlineData("not a cursor")]
    [InlineData("ZjI6LTE6bWFya2V0cGxhY2U")] // f2:-1:marketplace, a position no feed has
    [InlineData("ZjM6MTptYXJrZXRwbGFjZQ")] // f3:1:marketplace, a format we never wrote
    public async Task AnUnknownOrMalformedCursorIsRefused(string cursor) =>
        await (await _stack.MarketplaceClient("mp-bad-cursor").FeedAsync(cursor)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");

    [Fact]
    public async Task ACursorFromBeforeEventsGetsTheWholeFeedOnce()
    {
        // Its own channel, so no other test's rules shape the figure.
        var channel = "mp-" + Guid.NewGuid().ToString("N")[..8];
        await _stack.PutChannelAsync(channel, "marketplace", new { skuClass = "*", stockPercent = 100, buffer = 0 });
        var sku = await _stack.Inventory().NewSkuAsync(("EU-1", 3));
        var client = _stack.MarketplaceClient("mp-old-cursor", channel);

        // A cursor of the feed as it was kept before events (f1: a process feed version).
        var old = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes($"f1:999999:{channel}"));
        var feed = await (await client.FeedAsync(old)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(3, MarketplaceRequests.Quantities(feed)[sku]);
        Assert.StartsWith("ZjI6", feed.GetProperty("cursor").GetString());
    }

    [Fact]
    public async Task AnOrderIsReservedOncePerMarketplaceOrderIdWhateverItsIdempotencyKey()
    {
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 5));
        var client = _stack.MarketplaceClient("mp-orders");
        var marketplaceOrderId = "MP-" + Guid.NewGuid().ToString("N")[..10];

        var first = await (await client.PlaceMarketplaceOrderAsync(marketplaceOrderId, (sku, 2))).JsonAsync(HttpStatusCode.Created);
        var again = await (await client.PlaceMarketplaceOrderAsync(marketplaceOrderId, (sku, 2))).JsonAsync(HttpStatusCode.Created);
        await (await client.PlaceMarketplaceOrderAsync(marketplaceOrderId, (sku, 3))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(first.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        Assert.Equal(marketplaceOrderId, first.GetProperty("marketplaceOrderId").GetString());
        Assert.Equal(2, (await inventory.BalanceAsync(sku, "EU-1")).Reserved);
    }

    [Fact]
    public async Task CancellingTwiceFreesTheStockOnceAndIsNotAnError()
    {
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 5));
        var client = _stack.MarketplaceClient("mp-cancel");
        var order = await (await client.PlaceMarketplaceOrderAsync("MP-" + Guid.NewGuid().ToString("N")[..10], (sku, 2))).JsonAsync(HttpStatusCode.Created);
        var id = order.GetProperty("id").GetString()!;

        var cancelled = await (await client.CancelMarketplaceOrderAsync(id)).JsonAsync(HttpStatusCode.OK);
        var again = await (await client.CancelMarketplaceOrderAsync(id)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("cancelled", cancelled.GetProperty("state").GetString());
        Assert.Equal("cancelled", again.GetProperty("state").GetString());
        Assert.Equal(0, (await inventory.BalanceAsync(sku, "EU-1")).Reserved);
        var read = await (await client.GetAsync($"/marketplace/v1/orders/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("cancelled", read.GetProperty("state").GetString());
    }

    [Fact]
    public async Task AStorefrontTokenIsRefusedOnTheMarketplaceApi()
    {
        var storefront = _stack.StorefrontClient("sf-on-mp");
        var sku = await _stack.Inventory().NewSkuAsync(("EU-1", 5));

        await (await storefront.FeedAsync()).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await storefront.PlaceMarketplaceOrderAsync("MP-sf", (sku, 1))).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, (await _stack.Inventory().BalanceAsync(sku, "EU-1")).Reserved);
    }

    [Fact]
    public async Task AMarketplaceTokenIsRefusedOnTheStorefrontApi() =>
        Assert.Equal(HttpStatusCode.Forbidden, (await _stack.MarketplaceClient("mp-on-sf").GetAsync("/storefront/v2/availability/SKU-0001")).StatusCode);

    [Fact]
    public async Task ATokenWithoutTheFeedScopeIsRefusedAtTheGateway()
    {
        var ordersOnly = _stack.Gateway.Client(TestTokens.For("mp-no-read", "marketplace", ServiceDefaults.Auth.Scopes.OrdersWrite));

        Assert.Equal(HttpStatusCode.Forbidden, (await ordersOnly.FeedAsync()).StatusCode);
    }
}

public sealed class MarketplaceOnSqliteTests(SqliteStackFixture fixture) : MarketplaceThroughGatewayTests(fixture.Stack), IClassFixture<SqliteStackFixture>;

public sealed class MarketplaceOnPostgresTests(PostgresStackFixture fixture) : MarketplaceThroughGatewayTests(fixture.Stack), IClassFixture<PostgresStackFixture>;
