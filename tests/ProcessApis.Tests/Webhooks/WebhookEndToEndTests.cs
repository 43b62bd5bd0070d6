using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.TestSupport;
using IntegrationGateway.TestSupport.Hosting;

namespace IntegrationGateway.ProcessApis.Tests.Webhooks;

public sealed class WebhookEndToEndOnSqliteTests(SqliteStackFixture fixture) : WebhookEndToEndTests, IClassFixture<SqliteStackFixture>
{
    protected override Stack Stack => fixture.Stack;
}

public sealed class WebhookEndToEndOnPostgresTests(PostgresStackFixture fixture) : WebhookEndToEndTests, IClassFixture<PostgresStackFixture>
{
    protected override Stack Stack => fixture.Stack;
}

/// <summary>
/// The whole path with nothing written by hand: a connector subscribes through the gateway, stock changes at the
/// ERP, and the process API's own events reach a receiver on 127.0.0.1 signed per Standard Webhooks.
/// </summary>
public abstract class WebhookEndToEndTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    protected abstract Stack Stack { get; }

    [Fact]
    public async Task AReceiptAtTheErpReachesASubscribedMarketplaceReceiverSignedWithItsFigures()
    {
        var (channel, connector) = await NewMarketplaceAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, secret) = await SubscribeAsync(connector, receiver.Url);
        var inventory = Stack.Inventory();

        // A new item is published at 0 (sequence 1); each receipt after it is told as it lands.
        var sku = await inventory.NewSkuAsync();
        var created = await DeliveryAsync(receiver, sku, 1);
        await inventory.ReceiveAsync(sku, "EU-1", 5);
        var first = await DeliveryAsync(receiver, sku, 2);
        await inventory.ReceiveAsync(sku, "EU-1", 3);
        var second = await DeliveryAsync(receiver, sku, 3);

        var feed = await EventsAsync(channel, sku);
        foreach (var (delivery, available, previous, sequence) in new[] { (created, 0, 0, 1L), (first, 5, 0, 2L), (second, 8, 5, 3L) })
        {
            Assert.Equal(Expected(secret, delivery), delivery.Signature);
            Assert.StartsWith("application/json", delivery.ContentType);
            var body = JsonDocument.Parse(delivery.Body).RootElement;
            Assert.Equal("inventory.availability.changed", body.GetProperty("type").GetString());
            var data = body.GetProperty("data");
            Assert.Equal(channel, data.GetProperty("channel").GetString());
            Assert.Equal(sku, data.GetProperty("sku").GetString());
            Assert.Equal(available, data.GetProperty("available").GetInt32());
            Assert.Equal(previous, data.GetProperty("previous").GetInt32());
            Assert.Equal(sequence, data.GetProperty("sequence").GetInt64());
            // The webhook-id is the event's id in the process API's own feed.
            Assert.Equal(feed[(int)sequence - 1], delivery.WebhookId);
        }
        Assert.Equal(3, feed.Count);
    }

    [Fact]
    public async Task TwoDeliveriesOfOneEventHaveOneEffectAtAReceiverThatDedupesByWebhookId()
    {
        var (_, connector) = await NewMarketplaceAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var (id, _) = await SubscribeAsync(connector, receiver.Url);
        var inventory = Stack.Inventory();
        var sku = await inventory.NewSkuAsync();
        await DeliveryAsync(receiver, sku, 1);
        await inventory.ReceiveAsync(sku, "EU-1", 4);
        var first = await DeliveryAsync(receiver, sku, 2);
        await inventory.ReceiveAsync(sku, "EU-1", 2);
        var second = await DeliveryAsync(receiver, sku, 3);

        // Delivered already, and queued again under the same webhook-id, as a replay (or a lost acknowledgement) does.
        var replay = await PostAsync(connector, $"/marketplace/v1/webhooks/{id}/replay", new { eventId = second.WebhookId });
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        await Eventually.ReachesAsync(() => Task.FromResult(receiver.Requests.Count(r => r.WebhookId == second.WebhookId)), n => n == 2, Within);

        Assert.Equal(second.Body, receiver.Requests.Last(r => r.WebhookId == second.WebhookId).Body);
        Assert.Equal(3, receiver.Accepted.Count);
        Assert.Equal(6, receiver.Book[sku]);
        Assert.NotEqual(first.WebhookId, second.WebhookId);
    }

    private async Task<(string Channel, HttpClient Connector)> NewMarketplaceAsync()
    {
        var channel = "mp-" + Guid.NewGuid().ToString("N")[..8];
        var admin = Stack.Process.Client(TestTokens.Admin());
        (await admin.PutAsJsonAsync($"/process/v1/channels/{channel}", new
        {
            type = "marketplace",
            rules = new[] { new { skuClass = "*", stockPercent = 100, buffer = 0, endWhen = 0 } },
        })).EnsureSuccessStatusCode();
        return (channel, Stack.Gateway.Client(TestTokens.For("connector-" + channel, channel, Scopes.WebhooksManage)));
    }

    private static async Task<(string Id, string Secret)> SubscribeAsync(HttpClient connector, Uri url)
    {
        var response = await PostAsync(connector, "/marketplace/v1/webhooks", new { url = url.ToString(), events = new[] { "inventory.availability.changed" } });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var created = JsonDocument.Parse(body).RootElement;
        return (created.GetProperty("id").GetString()!, created.GetProperty("secret").GetString()!);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return await client.SendAsync(request);
    }

    /// <summary>The delivery of the SKU's figure with this sequence, once it has arrived.</summary>
    private static async Task<WebhookReceiver.Received> DeliveryAsync(WebhookReceiver receiver, string sku, long sequence)
    {
        bool Matches(WebhookReceiver.Received r)
        {
            var data = JsonDocument.Parse(r.Body).RootElement.GetProperty("data");
            return data.GetProperty("sku").GetString() == sku && data.GetProperty("sequence").GetInt64() == sequence;
        }
        var got = await Eventually.ReachesAsync(() => Task.FromResult(receiver.Requests.Where(Matches).ToList()), r => r.Count >= 1, Within);
        Assert.True(got.Count == 1, $"{sku} #{sequence}; received: " + string.Join("\n", receiver.Requests.Select(r => r.Body)));
        return got[0];
    }

    /// <summary>The ids of the channel's availability events of the SKU in the process API's feed, in order.</summary>
    private async Task<List<string>> EventsAsync(string channel, string sku)
    {
        var reader = Stack.Process.Client(TestTokens.For("events-reader", channel, Scopes.AvailabilityRead));
        var page = JsonDocument.Parse(await reader.GetStringAsync($"/process/v1/events?channel={channel}&limit=1000")).RootElement;
        return page.GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("subject").GetString() == $"{channel}/{sku}")
            .Select(e => e.GetProperty("id").GetString()!).ToList();
    }

    // An independent Standard Webhooks check: HMAC-SHA256 under the decoded secret of "id.timestamp.body".
    private static string Expected(string secret, WebhookReceiver.Received r) =>
        "v1," + Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(secret["whsec_".Length..]), Encoding.UTF8.GetBytes($"{r.WebhookId}.{r.Timestamp}.{r.Body}")));
}
