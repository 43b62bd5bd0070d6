using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using IntegrationGateway.ExperienceApis.ReadModels;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationGateway.Gateway.Tests.Events;

/// <summary>
/// Channel availability travels as events: ERP change -> stock.changed -> process recompute -> inventory.availability.changed
/// -> each experience instance's read model. The same checks run on SQLite and PostgreSQL.
/// </summary>
public static class EventDrivenAvailability
{
    /// <summary>After changes of every kind and a rule change, every figure a read model holds equals what the process API computes now.</summary>
    public static async Task ReadModelsEqualTheProcessAvailabilityAsync(Stack stack)
    {
        var channel = "shop-" + Guid.NewGuid().ToString("N")[..8];
        await stack.PutChannelAsync(channel, "storefront", new { skuClass = "*", stockPercent = 100, buffer = 0, endWhen = 0 });
        var inventory = stack.Inventory();
        var skus = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            skus.Add(await inventory.NewSkuAsync(("EU-1", 5 + i), ("US-1", 3)));
        }
        var shop = stack.Gateway.Client(TestTokens.For("events-shop", channel, TestTokens.StorefrontScopes));
        var random = new Random(8);
        var orders = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var sku = skus[random.Next(skus.Count)];
            switch (random.Next(4))
            {
                case 0:
                    await inventory.ReceiveAsync(sku, random.Next(2) == 0 ? "EU-1" : "US-1", random.Next(1, 4));
                    break;
                case 1 when orders.Count > 0:
                    var cancelled = orders[random.Next(orders.Count)];
                    orders.Remove(cancelled);
                    (await shop.CancelOrderAsync(cancelled)).EnsureSuccessStatusCode();
                    break;
                default:
                    var placed = await shop.PlaceOrderAsync(OrderRequests.Order((sku, random.Next(1, 3))));
                    if (placed.StatusCode == HttpStatusCode.Created)
                    {
                        orders.Add((await placed.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!);
                    }
                    break;
            }
        }
        // A rule change republishes the channel's figures.
        await stack.PutChannelAsync(channel, "storefront", new { skuClass = "*", stockPercent = 50, buffer = 1, endWhen = 0 });
        await stack.SettleAsync();

        var view = await stack.Storefront.Services.GetRequiredService<AvailabilityReadModel>().ViewAsync(channel, CancellationToken.None);
        var admin = stack.Process.Client(TestTokens.Admin("events-check"));
        var query = string.Join("&", skus.Select(s => "sku=" + s));
        var truth = await (await admin.GetAsync($"/process/v1/availability?channel={channel}&{query}")).JsonAsync(HttpStatusCode.OK);
        foreach (var item in truth.GetProperty("items").EnumerateArray())
        {
            var sku = item.GetProperty("sku").GetString()!;
            var figure = view.Find(sku);
            Assert.True(figure is not null, $"The read model of {channel} has no figure of {sku}.");
            Assert.Equal(item.GetProperty("available").GetInt32(), figure.Available);
            Assert.Equal(
                item.GetProperty("locations").EnumerateArray().Select(l => (l.GetProperty("location").GetString(), l.GetProperty("available").GetInt32())).Order(),
                figure.Locations.Select(l => ((string?)l.Location, l.Available)).Order());
        }
    }

    /// <summary>Each channel x SKU's events number 1, 2, 3, ... and each says what the channel was told before.</summary>
    public static async Task SequencesHaveNoGapsAndPreviousIsTheLastFigureAsync(Stack stack)
    {
        var sku = await stack.Inventory().NewSkuAsync(("EU-1", 4));
        for (var i = 0; i < 5; i++)
        {
            await stack.Inventory().ReceiveAsync(sku, "EU-1", 1);
        }
        await stack.SettleAsync();

        await using var connection = await stack.Process.Services.GetRequiredService<Database>().OpenAsync(CancellationToken.None);
        var rows = (await connection.QueryAsync<(string Channel, long Sequence, string Data)>(
            "SELECT channel_id, sequence, data FROM outbox_events WHERE sku = @sku ORDER BY position", new { sku })).ToList();
        Assert.NotEmpty(rows);
        foreach (var channel in rows.GroupBy(r => r.Channel))
        {
            var events = channel.Select(r => JsonDocument.Parse(r.Data).RootElement).ToList();
            Assert.Equal(Enumerable.Range(1, events.Count).Select(n => (long)n), events.Select(e => e.GetProperty("sequence").GetInt64()));
            Assert.Equal(events.SkipLast(1).Select(e => e.GetProperty("available").GetInt32()).Prepend(0), events.Select(e => e.GetProperty("previous").GetInt32()));
        }
        // Changes that arrive together may be published as one figure; the last one is what the ERP holds now.
        var storefront = rows.Where(r => r.Channel == "storefront").Select(r => JsonDocument.Parse(r.Data).RootElement.GetProperty("available").GetInt32()).ToList();
        Assert.Equal(9, storefront[^1]);
        Assert.Equal(storefront.Order(), storefront);
    }

    /// <summary>An order's moves are events in the transaction that makes them: reserved (with what waits, backordered), released.</summary>
    public static async Task OrderMovesAreEventsAsync(Stack stack)
    {
        var sku = await stack.Inventory().NewSkuAsync(("EU-1", 2));
        var shop = stack.StorefrontClient("events-orders");
        var placed = await (await shop.PlaceOrderAsync(OrderRequests.Order((sku, 1)))).JsonAsync(HttpStatusCode.Created);
        var orderId = placed.GetProperty("id").GetString()!;
        (await shop.CancelOrderAsync(orderId)).EnsureSuccessStatusCode();

        await using var connection = await stack.Process.Services.GetRequiredService<Database>().OpenAsync(CancellationToken.None);
        var events = (await connection.QueryAsync<(string Type, string Channel, string Data)>(
            "SELECT type, channel_id, data FROM outbox_events WHERE subject = @subject ORDER BY position", new { subject = $"orders/{orderId}" })).ToList();

        Assert.Equal(["order.reserved", "order.released"], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal("storefront", e.Channel));
        Assert.Equal(orderId, JsonDocument.Parse(events[0].Data).RootElement.GetProperty("id").GetString());
    }
}
