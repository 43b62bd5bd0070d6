using System.Net;
using System.Net.Http.Json;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;

namespace IntegrationGateway.Gateway.Tests;

public sealed class CartHoldsThroughGatewayTests(SqliteStackFixture fixture) : IClassFixture<SqliteStackFixture>
{
    private readonly Stack _stack = fixture.Stack;

    [Fact]
    public async Task AStorefrontCartHoldsStockThatOnlyItsOwnCartStillSeesAndConfirmsIntoAnOrder()
    {
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 4), ("US-1", 3));
        var client = _stack.StorefrontClient("carts-1");
        var cart = "cart-" + Guid.NewGuid().ToString("N")[..12];

        var held = await (await PostAsync(client, $"/storefront/v2/carts/{cart}/holds", new { lines = new[] { new { sku, quantity = 5 } }, ttlSeconds = 300 }))
            .JsonAsync(HttpStatusCode.Created);

        Assert.Equal(cart, held.GetProperty("cartId").GetString());
        Assert.True(held.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        Assert.Equal(5, held.GetProperty("lines")[0].GetProperty("allocations").EnumerateArray().Sum(a => a.GetProperty("quantity").GetInt32()));
        Assert.Equal(2, await AvailableAsync(client, sku, null));
        Assert.Equal(7, await AvailableAsync(client, sku, cart));

        var order = await (await PostAsync(client, $"/storefront/v2/carts/{cart}/confirm", new { orderRef = "SF-" + cart }))
            .JsonAsync(HttpStatusCode.Created);

        Assert.Equal("reserved", order.GetProperty("state").GetString());
        Assert.Equal(5, order.GetProperty("lines")[0].GetProperty("quantity").GetInt32());
        Assert.Equal(5, (await inventory.BalancesAsync(sku)).Sum(b => b.Reserved));
        Assert.Equal(2, await AvailableAsync(client, sku, cart));
    }

    [Fact]
    public async Task CartsAreAStorefrontV2Feature()
    {
        var cart = "cart-" + Guid.NewGuid().ToString("N")[..12];

        var response = await PostAsync(_stack.StorefrontClient("carts-2"), $"/storefront/v1/carts/{cart}/holds", new { lines = new[] { new { sku = "X", quantity = 1 } }, ttlSeconds = 300 });

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"v1 has no carts, got {response.StatusCode}.");
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }

    private static async Task<int> AvailableAsync(HttpClient client, string sku, string? cartId)
    {
        var level = await (await client.GetAsync($"/storefront/v2/availability/{sku}" + (cartId is null ? "" : $"?cartId={cartId}"))).JsonAsync(HttpStatusCode.OK);
        return level.GetProperty("total").GetProperty("available").GetInt32();
    }
}
