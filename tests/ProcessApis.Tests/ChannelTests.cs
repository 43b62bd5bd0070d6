using System.Net;
using System.Text.Json;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;

namespace IntegrationGateway.ProcessApis.Tests;

public sealed class ChannelTests(SqliteStackFixture fixture) : IClassFixture<SqliteStackFixture>
{
    private readonly Stack _stack = fixture.Stack;
    private HttpClient Admin => _stack.Process.Client(TestTokens.Admin());

    [Fact]
    public async Task TheThreeDefaultChannelsAreSeededWithEveryLocationAndNoRules()
    {
        var channels = await (await Admin.GetAsync("/process/v1/channels")).JsonAsync(HttpStatusCode.OK);

        foreach (var (id, type) in new[] { ("storefront", "storefront"), ("marketplace", "marketplace"), ("b2b", "b2b") })
        {
            var channel = channels.EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
            Assert.Equal(type, channel.GetProperty("type").GetString());
            Assert.Equal("priority", channel.GetProperty("sourcingStrategy").GetString());
            Assert.Equal(0, channel.GetProperty("locations").GetArrayLength());
        }
    }

    [Fact]
    public async Task AChannelsRulesShapeWhatItIsToldAndItsOwnClientsSeeOnlyIt()
    {
        var skuClass = ProcessCalls.NewSkuClass();
        var inventory = _stack.Inventory();
        var plenty = await inventory.NewSkuOfClassAsync(skuClass, ("EU-1", 60), ("US-1", 40));
        var few = await inventory.NewSkuOfClassAsync(skuClass, ("EU-1", 12));
        var storefront = await (await Admin.GetAsync("/process/v1/channels/storefront")).JsonAsync(HttpStatusCode.OK);
        var rules = storefront.GetProperty("rules").EnumerateArray().Select(r => (object)r)
            .Append(new { skuClass, stockPercent = 50, buffer = 5, maxPublished = 40 }).ToArray();

        await (await Admin.PutChannelAsync("storefront", new { type = "storefront", rules })).JsonAsync(HttpStatusCode.OK);

        var client = _stack.Process.Client(TestTokens.Storefront("rules-1"));
        foreach (var reader in new[] { Admin, client })
        {
            var items = (await (await reader.AvailabilityAsync("storefront", plenty, few)).JsonAsync(HttpStatusCode.OK)).GetProperty("items");
            var first = items.EnumerateArray().Single(i => i.GetProperty("sku").GetString() == plenty);
            Assert.Equal(40, first.GetProperty("available").GetInt32());
            // Per-location figures stay raw.
            Assert.Equal(100, first.GetProperty("locations").EnumerateArray().Sum(l => l.GetProperty("available").GetInt32()));
            Assert.Equal(1, items.EnumerateArray().Single(i => i.GetProperty("sku").GetString() == few).GetProperty("available").GetInt32());
        }
        await (await client.AvailabilityAsync("marketplace", plenty)).AssertProblemAsync(HttpStatusCode.Forbidden);
        // The marketplace has no rule for the class: it is told everything.
        var marketplace = await (await Admin.AvailabilityAsync("marketplace", plenty)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(100, marketplace.GetProperty("items")[0].GetProperty("available").GetInt32());
    }

    [Fact]
    public async Task ASecondMarketplaceIsAPutAndTakesOrdersFromItsOwnClients()
    {
        var id = ProcessCalls.NewChannelId("marketplace");
        var sku = await _stack.Inventory().NewSkuAsync(("EU-1", 5));

        var created = await (await Admin.PutChannelAsync(id, new { type = "marketplace" })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(id, created.GetProperty("id").GetString());

        var client = _stack.Process.Client(TestTokens.For("mp-2", id, TestTokens.StorefrontScopes));
        var order = await (await client.PlaceOrderAsync(id, (sku, 2))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(id, order.GetProperty("channel").GetString());
        Assert.Equal(2, (await _stack.Inventory().BalanceAsync(sku, "EU-1")).Reserved);
        Assert.Equal(3, (await (await client.AvailabilityAsync(id, sku)).JsonAsync(HttpStatusCode.OK)).GetProperty("items")[0].GetProperty("available").GetInt32());
        await (await client.PlaceOrderAsync("marketplace", (sku, 1))).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnOrderIsSourcedOnlyAmongTheChannelsLocations()
    {
        var id = ProcessCalls.NewChannelId("us-only");
        await (await Admin.PutChannelAsync(id, new { type = "b2b", locations = new[] { new { location = "US-1", priority = 1 } } })).JsonAsync(HttpStatusCode.Created);
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 10), ("US-1", 3));
        var client = _stack.Process.Client(TestTokens.For("b2b-us", id, TestTokens.StorefrontScopes));

        var availability = await (await client.AvailabilityAsync(id, sku)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, availability.GetProperty("items")[0].GetProperty("available").GetInt32());
        Assert.Equal(["US-1"], availability.GetProperty("items")[0].GetProperty("locations").EnumerateArray().Select(l => l.GetProperty("location").GetString()));

        var order = await (await client.PlaceOrderAsync(id, (sku, 3))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("US-1", order.GetProperty("lines")[0].GetProperty("allocations").EnumerateArray().Single().GetProperty("location").GetString());
        var before = await inventory.SnapshotAsync(sku);

        var problem = await (await client.PlaceOrderAsync(id, (sku, 1))).AssertProblemAsync(HttpStatusCode.Conflict, "insufficient-stock");

        Assert.Equal(0, problem.GetProperty("shortages")[0].GetProperty("available").GetInt32());
        Assert.Equal(before, await inventory.SnapshotAsync(sku));
        Assert.Equal(0, (await inventory.BalanceAsync(sku, "EU-1")).Reserved);
    }

    [Fact]
    public async Task HighestStockTakesTheFullerLocationWherePriorityWouldNot()
    {
        var id = ProcessCalls.NewChannelId("fullest");
        await (await Admin.PutChannelAsync(id, new { type = "marketplace", sourcingStrategy = "highest-stock" })).JsonAsync(HttpStatusCode.Created);
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 5), ("US-1", 9));

        var order = await (await Admin.PlaceOrderAsync(id, (sku, 3))).JsonAsync(HttpStatusCode.Created);

        Assert.Equal("US-1", order.GetProperty("lines")[0].GetProperty("allocations").EnumerateArray().Single().GetProperty("location").GetString());
        Assert.Equal(0, (await inventory.BalanceAsync(sku, "EU-1")).Reserved);
        var byPriority = await (await Admin.PlaceOrderAsync("b2b", (sku, 3))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("EU-1", byPriority.GetProperty("lines")[0].GetProperty("allocations").EnumerateArray().Single().GetProperty("location").GetString());
    }

    public static TheoryData<string, object, string> InvalidDefinitions => new()
    {
        { "a share over 100 %", new { type = "marketplace", rules = new[] { new { skuClass = "*", stockPercent = 101, buffer = 0 } } }, "rules[0].stockPercent" },
        { "a negative buffer", new { type = "marketplace", rules = new[] { new { skuClass = "*", stockPercent = 50, buffer = -1 } } }, "rules[0].buffer" },
        { "an unknown type", new { type = "fax" }, "type" },
        { "a bad SKU class", new { type = "marketplace", rules = new[] { new { skuClass = "Big Items!", stockPercent = 50, buffer = 0 } } }, "rules[0].skuClass" },
        { "an unknown strategy", new { type = "marketplace", sourcingStrategy = "random" }, "sourcingStrategy" },
        { "an unknown location", new { type = "marketplace", locations = new[] { new { location = "MARS-1", priority = 1 } } }, "locations[0].location" },
        { "a class ruled twice", new { type = "marketplace", rules = new[] { new { skuClass = "a", stockPercent = 1, buffer = 0 }, new { skuClass = "a", stockPercent = 2, buffer = 0 } } }, "rules" },
    };

    [Theory]
    [MemberData(nameof(InvalidDefinitions))]
    public async Task AnInvalidDefinitionIsRefusedWithItsFailingFieldAndChangesNothing(string why, object definition, string field)
    {
        var id = ProcessCalls.NewChannelId("strict");
        var original = new { type = "marketplace", rules = new[] { new { skuClass = "*", stockPercent = 80, buffer = 2 } } };
        await (await Admin.PutChannelAsync(id, original)).JsonAsync(HttpStatusCode.Created);
        var before = (await Admin.GetStringAsync($"/process/v1/channels/{id}"));

        var problem = await (await Admin.PutChannelAsync(id, definition)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{why}: {problem}");
        await (await Admin.PutChannelAsync(ProcessCalls.NewChannelId("never"), definition)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(before, await Admin.GetStringAsync($"/process/v1/channels/{id}"));
        var all = await (await Admin.GetAsync("/process/v1/channels")).JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(all.EnumerateArray(), c => c.GetProperty("id").GetString()!.StartsWith("never-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnknownChannelIsNotFoundAndOnlyAdminsManageChannels()
    {
        var sku = await _stack.Inventory().NewSkuAsync(("EU-1", 1));
        var storefront = _stack.Process.Client(TestTokens.Storefront("curious"));

        await (await Admin.AvailabilityAsync("no-such-channel", sku)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await Admin.GetAsync("/process/v1/channels/no-such-channel")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await Admin.PlaceOrderAsync("no-such-channel", (sku, 1))).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Equal(HttpStatusCode.Forbidden, (await storefront.PutChannelAsync("storefront", new { type = "storefront" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await storefront.GetAsync("/process/v1/channels")).StatusCode);
    }
}
