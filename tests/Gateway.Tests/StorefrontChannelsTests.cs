using System.Net;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;

namespace IntegrationGateway.Gateway.Tests;

/// <summary>Storefront routes admit any channel of type storefront: a second shop is an admin call, not a code change.</summary>
public sealed class StorefrontChannelsTests(SqliteStackFixture fixture) : IClassFixture<SqliteStackFixture>
{
    private readonly Stack _stack = fixture.Stack;

    [Fact]
    public async Task ASecondStorefrontChannelSellsUnderItsOwnRulesAndPlacesItsOwnOrders()
    {
        var channel = "shop-" + Guid.NewGuid().ToString("N")[..8];
        await _stack.PutChannelAsync(channel, "storefront", new { skuClass = "*", stockPercent = 50, buffer = 0, endWhen = 0 });
        var sku = await _stack.Inventory().NewSkuAsync(("EU-1", 10));
        var shop = _stack.Gateway.Client(TestTokens.For("second-shop", channel, TestTokens.StorefrontScopes));

        var own = await (await shop.GetAsync($"/storefront/v2/availability/{sku}")).JsonAsync(HttpStatusCode.OK);
        var main = await (await _stack.StorefrontClient("first-shop").GetAsync($"/storefront/v2/availability/{sku}")).JsonAsync(HttpStatusCode.OK);
        var placed = await (await shop.PlaceOrderAsync(OrderRequests.Order((sku, 2)))).JsonAsync(HttpStatusCode.Created);
        var seenByMain = await _stack.StorefrontClient("first-shop").GetAsync($"/storefront/v2/orders/{placed.GetProperty("id").GetString()}");

        Assert.Equal(5, own.GetProperty("total").GetProperty("available").GetInt32());
        Assert.Equal(10, main.GetProperty("total").GetProperty("available").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, seenByMain.StatusCode);
        Assert.Equal(2, (await _stack.Inventory().BalanceAsync(sku, "EU-1")).Reserved);
    }

    [Theory]
    [InlineData("b2b")]
    [InlineData("marketplace")]
    [InlineData("no-such-channel")]
    public async Task AChannelOfAnotherTypeOrNoneKnownIsRefused(string channel)
    {
        var sku = await _stack.Inventory().NewSkuAsync(("EU-1", 3));
        var client = _stack.Gateway.Client(TestTokens.For("other-" + channel, channel, TestTokens.StorefrontScopes));

        await (await client.GetAsync($"/storefront/v2/availability/{sku}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await client.PlaceOrderAsync(OrderRequests.Order((sku, 1)))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        Assert.Equal(0, (await _stack.Inventory().BalanceAsync(sku, "EU-1")).Reserved);
    }
}
