using System.Net;
using System.Net.Http.Headers;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;

namespace IntegrationGateway.ExperienceApis.Tests;

public sealed class StockLevelTests(SqliteStackFixture fixture) : IClassFixture<SqliteStackFixture>
{
    private readonly Stack _stack = fixture.Stack;

    [Theory]
    [InlineData(0, "out_of_stock")]
    [InlineData(5, "low_stock")]
    [InlineData(6, "in_stock")]
    public async Task TheStatusFollowsTheLowStockThreshold(int units, string status)
    {
        var sku = await _stack.Inventory().NewSkuAsync(("US-1", units));

        var level = await (await _stack.Storefront.Client(TestTokens.Storefront("levels")).GetAsync($"/storefront/v1/availability/{sku}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal((units, status), (level.GetProperty("available").GetInt32(), level.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task AnUnchangedReadIs304ForItsETagAndAChangeGivesANewOne()
    {
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 8));
        var client = _stack.Storefront.Client(TestTokens.Storefront("etags"));
        var first = await client.GetAsync($"/storefront/v1/availability/{sku}");
        var tag = first.Headers.ETag!;

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/storefront/v1/availability/{sku}");
        conditional.Headers.IfNoneMatch.Add(tag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional)).StatusCode);

        await inventory.ReceiveAsync(sku, "EU-1", 1);
        using var after = new HttpRequestMessage(HttpMethod.Get, $"/storefront/v1/availability/{sku}");
        after.Headers.IfNoneMatch.Add(tag);
        var changed = await client.SendAsync(after);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(tag, changed.Headers.ETag);
    }

    [Fact]
    public async Task ListsSeparateUnknownSkusFromKnownOnes()
    {
        var sku = await _stack.Inventory().NewSkuAsync(("EU-1", 2));

        var list = await (await _stack.Storefront.Client(TestTokens.Storefront("lists")).GetAsync($"/storefront/v1/availability?skus={sku},NOPE-1")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(sku, list.GetProperty("items")[0].GetProperty("sku").GetString());
        Assert.Equal(["NOPE-1"], list.GetProperty("unknown").EnumerateArray().Select(u => u.GetString()));
    }
}
