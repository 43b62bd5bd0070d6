using System.Net;
using System.Net.Http.Json;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;

namespace IntegrationGateway.Gateway.Tests;

/// <summary>The B2B API end to end: a buyer's token through the gateway, the experience and process APIs, to the ERP.</summary>
public sealed class B2bThroughGatewayTests(SqliteStackFixture fixture) : IClassFixture<SqliteStackFixture>
{
    private static readonly DateTimeOffset EarlyEta = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LateEta = new(2026, 12, 10, 14, 30, 0, TimeSpan.Zero);

    private readonly Stack _stack = fixture.Stack;

    [Fact]
    public async Task AThousandSkuQueryAnswersTheErpFiguresInTotalAndPerLocation()
    {
        var inventory = _stack.Inventory();
        var skus = new string[1000];
        await Parallel.ForEachAsync(Enumerable.Range(0, skus.Length), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, _) => skus[i] = await inventory.NewSkuAsync(("EU-1", i % 7), ("US-1", i % 5)));

        var answer = await (await _stack.B2bClient("b2b-bulk").QueryB2bAvailabilityAsync(skus)).JsonAsync(HttpStatusCode.OK);

        var erp = await (await _stack.Erp.Client(TestTokens.Admin()).PostAsJsonAsync("/system/erp/v1/balances/query", new { skus })).Content.ReadFromJsonAsync<List<Balance>>();
        var items = B2bRequests.ItemsBySku(answer);
        Assert.Equal(1000, items.Count);
        Assert.Empty(answer.GetProperty("unknown").EnumerateArray());
        foreach (var (sku, balances) in erp!.GroupBy(b => b.Sku).Select(g => (g.Key, g.ToList())))
        {
            Assert.Equal(balances.ToDictionary(b => b.Location, b => b.Available), B2bRequests.Locations(items[sku]));
            Assert.Equal(balances.Sum(b => b.Available), items[sku].GetProperty("available").GetInt32());
        }
        Assert.Equal(new Dictionary<string, int> { ["EU-1"] = 6, ["US-1"] = 1 }, B2bRequests.Locations(items[skus[6]]));
        Assert.Equal(7, items[skus[6]].GetProperty("available").GetInt32());
        Assert.Equal(0, items[skus[35]].GetProperty("available").GetInt32());
        Assert.Null(B2bRequests.BackorderEta(items[skus[35]]));
    }

    [Fact]
    public async Task ASoldOutSkuAnswersTheEarliestPurchaseOrderEtaAndTheNextOnceThatOneIsReceived()
    {
        var sku = await _stack.Inventory().NewSkuAsync();
        await _stack.PostErpMovementAsync(sku, "EU-1", "purchase-order", 5, LateEta);
        await _stack.PostErpMovementAsync(sku, "US-1", "purchase-order", 2, EarlyEta);
        var client = _stack.B2bClient("b2b-eta");

        var before = B2bRequests.ItemsBySku(await (await client.QueryB2bAvailabilityAsync([sku])).JsonAsync(HttpStatusCode.OK))[sku];
        // Safety stock keeps the received units from sale, so the SKU stays sold out and the next ETA shows.
        await _stack.PostErpMovementAsync(sku, "US-1", "safety-stock", 10);
        await _stack.PostErpMovementAsync(sku, "US-1", "purchase-receipt", 2);
        var after = B2bRequests.ItemsBySku(await (await client.QueryB2bAvailabilityAsync([sku])).JsonAsync(HttpStatusCode.OK))[sku];

        Assert.Equal(0, before.GetProperty("available").GetInt32());
        Assert.Equal(EarlyEta, B2bRequests.BackorderEta(before));
        Assert.Equal(0, after.GetProperty("available").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["EU-1"] = 0, ["US-1"] = 0 }, B2bRequests.Locations(after));
        Assert.Equal(LateEta, B2bRequests.BackorderEta(after));
    }

    [Fact]
    public async Task ASkuInStockAnswersNoEtaEvenWithUnitsInbound()
    {
        var sku = await _stack.Inventory().NewSkuAsync(("EU-1", 3));
        await _stack.PostErpMovementAsync(sku, "US-1", "purchase-order", 4, EarlyEta);

        var item = B2bRequests.ItemsBySku(await (await _stack.B2bClient("b2b-stocked").QueryB2bAvailabilityAsync([sku])).JsonAsync(HttpStatusCode.OK))[sku];

        Assert.Equal(3, item.GetProperty("available").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["EU-1"] = 3, ["US-1"] = 0 }, B2bRequests.Locations(item));
        Assert.Null(B2bRequests.BackorderEta(item));
    }

    [Fact]
    public async Task AQueryIsTaggedDatedAndAnswered304UntilOneOfItsFiguresChanges()
    {
        var sku = await _stack.Inventory().NewSkuAsync(("EU-1", 2));
        var other = await _stack.Inventory().NewSkuAsync(("US-1", 1));
        var client = _stack.B2bClient("b2b-etag");

        var first = await client.QueryB2bAvailabilityAsync([sku, other]);
        var tag = first.Headers.ETag;
        var same = await client.SendAsync(Conditional([sku, other], tag!));
        await _stack.Inventory().ReceiveAsync(other, "US-1", 1);
        var changed = await client.SendAsync(Conditional([sku, other], tag!));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(tag);
        Assert.NotNull(first.Headers.Age);
        Assert.NotNull(first.Content.Headers.LastModified);
        Assert.Equal(HttpStatusCode.NotModified, same.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(tag, changed.Headers.ETag);
        Assert.Equal(2, B2bRequests.ItemsBySku(await changed.JsonAsync(HttpStatusCode.OK))[other].GetProperty("available").GetInt32());
    }

    private static HttpRequestMessage Conditional(string[] skus, System.Net.Http.Headers.EntityTagHeaderValue tag)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/b2b/v1/availability/query") { Content = JsonContent.Create(new { skus }) };
        request.Headers.IfNoneMatch.Add(tag);
        return request;
    }

    [Fact]
    public async Task MoreThanAThousandSkusOrNoneIsAValidationProblem()
    {
        var client = _stack.B2bClient("b2b-bounds");

        var tooMany = await (await client.QueryB2bAvailabilityAsync(Enumerable.Range(0, 1001).Select(i => $"SKU-{i:D5}"))).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        var none = await (await client.QueryB2bAvailabilityAsync([])).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");

        Assert.True(tooMany.GetProperty("errors").TryGetProperty("skus", out _));
        Assert.True(none.GetProperty("errors").TryGetProperty("skus", out _));
    }

    [Fact]
    public async Task AStorefrontTokenIsRefusedOnTheB2bApi()
    {
        var sku = await _stack.Inventory().NewSkuAsync(("EU-1", 5));
        var storefront = _stack.StorefrontClient("sf-on-b2b");

        await (await storefront.QueryB2bAvailabilityAsync([sku])).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await storefront.PlaceB2bOrderAsync("PO-sf", (sku, 1))).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, (await _stack.Inventory().BalanceAsync(sku, "EU-1")).Reserved);
    }

    [Fact]
    public async Task AnOrderSplitsAcrossTwoLocationsAndIsReadAndCancelledByItsBuyer()
    {
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 4), ("US-1", 3));
        var client = _stack.B2bClient("b2b-orders");
        var purchaseOrderNumber = "PO-" + Guid.NewGuid().ToString("N")[..10];

        var placed = await (await client.PlaceB2bOrderAsync(purchaseOrderNumber, (sku, 7))).JsonAsync(HttpStatusCode.Created);
        var id = placed.GetProperty("id").GetString()!;
        var line = placed.GetProperty("lines").EnumerateArray().Single();
        Assert.Equal("reserved", placed.GetProperty("state").GetString());
        Assert.Equal(purchaseOrderNumber, placed.GetProperty("purchaseOrderNumber").GetString());
        Assert.Equal(7, line.GetProperty("quantity").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["EU-1"] = 4, ["US-1"] = 3 }, B2bRequests.ShipFrom(line));
        Assert.Equal(0, line.GetProperty("backordered").GetInt32());
        Assert.Equal((4, 3), ((await inventory.BalanceAsync(sku, "EU-1")).Reserved, (await inventory.BalanceAsync(sku, "US-1")).Reserved));

        var read = await (await client.GetAsync($"/b2b/v1/orders/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(placed.GetRawText(), read.GetRawText());

        var cancelled = await (await client.CancelB2bOrderAsync(id)).JsonAsync(HttpStatusCode.OK);
        var readAgain = await (await client.GetAsync($"/b2b/v1/orders/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("cancelled", cancelled.GetProperty("state").GetString());
        Assert.Equal("cancelled", readAgain.GetProperty("state").GetString());
        Assert.Equal((0, 0), ((await inventory.BalanceAsync(sku, "EU-1")).Reserved, (await inventory.BalanceAsync(sku, "US-1")).Reserved));
    }
}
