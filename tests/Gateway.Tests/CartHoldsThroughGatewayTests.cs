using System.Net;
using System.Net.Http.Json;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;

namespace IntegrationGateway.Gateway.Tests;

public sealed class CartHoldsThroughGatewayTests(SqliteStackFixture fixture) : IClassFixture<SqliteStackFixture>
{
    private readonly Stack _stack = fixture.Stack;

    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    public async Task AStorefrontCartHoldsStockThatOnlyItsOwnCartStillSeesAndConfirmsIntoAnOrder(string version)
    {
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 4), ("US-1", 3));
        var client = _stack.StorefrontClient("carts-1");
        var cart = "cart-" + Guid.NewGuid().ToString("N")[..12];

        using var holding = await PostAsync(client, $"/storefront/{version}/carts/{cart}/holds", new { lines = new[] { new { sku, quantity = 5 } }, ttlSeconds = 300 });
        var held = await holding.JsonAsync(HttpStatusCode.Created);
        // v1 is deprecated: its carts answer with the same Deprecation header as the rest of v1.
        Assert.Equal(version == "v1", holding.Headers.Contains("Deprecation"));

        Assert.Equal(cart, held.GetProperty("cartId").GetString());
        Assert.True(held.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        Assert.Equal(5, held.GetProperty("lines")[0].GetProperty("allocations").EnumerateArray().Sum(a => a.GetProperty("quantity").GetInt32()));
        Assert.Equal(2, await AvailableAsync(client, version, sku, null));
        Assert.Equal(7, await AvailableAsync(client, version, sku, cart));

        using var confirming = await PostAsync(client, $"/storefront/{version}/carts/{cart}/confirm", new { orderRef = "SF-" + cart });
        var order = await confirming.JsonAsync(HttpStatusCode.Created);
        Assert.StartsWith($"/storefront/{version}/orders/", confirming.Headers.Location?.OriginalString);

        Assert.Equal("reserved", order.GetProperty("state").GetString());
        Assert.Equal(5, order.GetProperty("lines")[0].GetProperty("quantity").GetInt32());
        Assert.Equal(5, (await inventory.BalancesAsync(sku)).Sum(b => b.Reserved));
        Assert.Equal(2, await AvailableAsync(client, version, sku, cart));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }

    private static async Task<int> AvailableAsync(HttpClient client, string version, string sku, string? cartId)
    {
        var level = await (await client.GetAsync($"/storefront/{version}/availability/{sku}" + (cartId is null ? "" : $"?cartId={cartId}"))).JsonAsync(HttpStatusCode.OK);
        // v1 answers the total at the top level; v2 nests it beside the per-location figures.
        return (version == "v1" ? level : level.GetProperty("total")).GetProperty("available").GetInt32();
    }
}
