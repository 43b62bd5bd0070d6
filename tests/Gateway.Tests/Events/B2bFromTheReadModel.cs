using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;

namespace IntegrationGateway.Gateway.Tests.Events;

/// <summary>
/// B2B availability answers from the b2b channel's read model, backorder ETAs included: what the process API
/// published and what it computes from the ERP now are the same figures. The same checks run on every store and transport.
/// </summary>
public static class B2bFromTheReadModel
{
    private static readonly DateTimeOffset Early = new(2027, 1, 4, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Late = new(2027, 1, 18, 15, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = new(2027, 2, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task B2bAnswersEqualTheProcessFiguresIncludingBackorderEtaAsync(Stack stack)
    {
        var channel = "b2b-" + Guid.NewGuid().ToString("N")[..8];
        await stack.PutChannelAsync(channel, "b2b", new { skuClass = "*", stockPercent = 100, buffer = 0, endWhen = 0 });
        var inventory = stack.Inventory();
        var stocked = await inventory.NewSkuAsync(("EU-1", 4), ("US-1", 2));
        var inbound = await inventory.NewSkuAsync();
        var nothing = await inventory.NewSkuAsync();
        var lastUnit = await inventory.NewSkuAsync(("EU-1", 1));
        await stack.PostErpMovementAsync(inbound, "EU-1", "purchase-order", 5, Late);
        await stack.PostErpMovementAsync(inbound, "US-1", "purchase-order", 2, Early);
        await stack.PostErpMovementAsync(stocked, "US-1", "purchase-order", 3, Early);
        await stack.PostErpMovementAsync(lastUnit, "EU-1", "purchase-order", 6, Later);
        var buyer = stack.B2bClient("b2b-equal", channel);
        var skus = new[] { stocked, inbound, nothing, lastUnit, "NO-SUCH-" + Guid.NewGuid().ToString("N")[..8] };
        var before = Items(await (await buyer.QueryB2bAvailabilityAsync(skus)).JsonAsync(HttpStatusCode.OK));
        var inboundBefore = await PublishedAsync(stack, channel, inbound);

        // Only the ETA changes: the early order is received but held back as safety stock, so the next order's ETA shows.
        await stack.PostErpMovementAsync(inbound, "US-1", "safety-stock", 10);
        await stack.PostErpMovementAsync(inbound, "US-1", "purchase-receipt", 2);
        // A reservation moves no inbound units: the event of the balance it sells out carries that balance's ETA forward.
        var placed = await (await buyer.PlaceB2bOrderAsync("PO-" + Guid.NewGuid().ToString("N")[..8], (lastUnit, 1))).JsonAsync(HttpStatusCode.Created);
        var cancelledFirst = placed.GetProperty("id").GetString()!;
        (await buyer.CancelB2bOrderAsync(cancelledFirst)).EnsureSuccessStatusCode();
        (await buyer.PlaceB2bOrderAsync("PO-" + Guid.NewGuid().ToString("N")[..8], (lastUnit, 1))).EnsureSuccessStatusCode();
        await inventory.ReceiveAsync(stocked, "EU-1", 3);
        await stack.SettleAsync();

        var answer = await (await buyer.QueryB2bAvailabilityAsync(skus)).JsonAsync(HttpStatusCode.OK);
        var after = Items(answer);
        var admin = stack.Process.Client(TestTokens.Admin("b2b-equal-check"));
        var computed = await (await admin.PostAsJsonAsync("/process/v1/availability/query", new { channel, skus })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(Items(computed), after);
        foreach (var sku in skus[..4])
        {
            Assert.Equal(Of(await PublishedAsync(stack, channel, sku)), after[sku]);
        }
        Assert.Equal([skus[4]], answer.GetProperty("unknown").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal((0, (DateTimeOffset?)Early), (before[inbound].Available, before[inbound].Eta));
        Assert.Equal((0, (DateTimeOffset?)Late), (after[inbound].Available, after[inbound].Eta));
        Assert.Equal(inboundBefore.GetProperty("sequence").GetInt64() + 1, (await PublishedAsync(stack, channel, inbound)).GetProperty("sequence").GetInt64());
        Assert.Equal((1, (DateTimeOffset?)null), (before[lastUnit].Available, before[lastUnit].Eta));
        Assert.Equal((0, (DateTimeOffset?)Later), (after[lastUnit].Available, after[lastUnit].Eta));
        Assert.Equal((9, (DateTimeOffset?)null), (after[stocked].Available, after[stocked].Eta));
        Assert.Equal((0, (DateTimeOffset?)null), (after[nothing].Available, after[nothing].Eta));
    }

    /// <summary>A SKU's item as the comparison sees it: total, each location's figure in location order, backorder ETA.</summary>
    public sealed record Item(int Available, string Locations, DateTimeOffset? Eta);

    private static Dictionary<string, Item> Items(JsonElement availability) =>
        availability.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("sku").GetString()!, Of);

    private static Item Of(JsonElement item) => new(
        item.GetProperty("available").GetInt32(),
        string.Join(",", item.GetProperty("locations").EnumerateArray().Select(l => $"{l.GetProperty("location").GetString()}={l.GetProperty("available").GetInt32()}").Order(StringComparer.Ordinal)),
        B2bRequests.BackorderEta(item));

    private static async Task<JsonElement> PublishedAsync(Stack stack, string channel, string sku)
    {
        var page = await (await stack.Process.Client(TestTokens.Admin("b2b-published")).GetAsync($"/process/v1/channels/{channel}/availability?sku={sku}")).JsonAsync(HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray().Single();
    }
}
