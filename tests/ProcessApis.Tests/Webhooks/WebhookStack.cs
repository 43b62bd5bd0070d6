using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using IntegrationGateway.ProcessApis.Webhooks;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.TestSupport.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IntegrationGateway.ProcessApis.Tests.Webhooks;

/// <summary>
/// The stack with webhook time on a shifted clock (days of retries pass at once) and a fast poll; events are produced
/// by writing outbox rows into the process API's own store, as the outbox producer will.
/// </summary>
public sealed class WebhookStack : IAsyncDisposable
{
    private long _sequence;

    private WebhookStack(Stack stack, ShiftedClock clock)
    {
        Stack = stack;
        Clock = clock;
    }

    public Stack Stack { get; }
    public ShiftedClock Clock { get; }

    public static WebhookStack Start((string Erp, string Process)? postgres = null, bool allowPrivateTargets = true)
    {
        var clock = new ShiftedClock();
        var stack = Stack.Start(new StackOptions
        {
            Postgres = postgres,
            ProcessServices = services =>
            {
                services.RemoveAll<WebhookClock>();
                services.AddSingleton(new WebhookClock(clock));
                services.PostConfigure<WebhookOptions>(o =>
                {
                    o.PollInterval = TimeSpan.FromMilliseconds(50);
                    o.AllowPrivateTargets = allowPrivateTargets;
                });
            },
        });
        return new WebhookStack(stack, clock);
    }

    public static string Token(string channel, string scopes = Scopes.WebhooksManage) => TestTokens.For("connector-" + channel, channel, scopes);

    /// <summary>A channel's connector calling through the gateway with webhooks:manage.</summary>
    public HttpClient Connector(string channel, string scopes = Scopes.WebhooksManage) => Stack.Gateway.Client(Token(channel, scopes));

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return await client.SendAsync(request);
    }

    /// <summary>Subscribes through the marketplace API; the subscription's id and secret.</summary>
    public async Task<(string Id, string Secret)> SubscribeAsync(Uri url, string channel = "marketplace", string api = "/marketplace/v1", bool backfill = false)
    {
        var response = await PostAsync(Connector(channel), $"{api}/webhooks", new { url = url.ToString(), events = new[] { WebhookEvents.AvailabilityChanged }, backfill });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, body);
        var created = JsonDocument.Parse(body).RootElement;
        return (created.GetProperty("id").GetString()!, created.GetProperty("secret").GetString()!);
    }

    /// <summary>Commits an availability change of the SKU for the channel as the outbox producer will: the next sequence, with previous.</summary>
    public async Task<(string EventId, long Sequence)> PublishAsync(string channel, string sku, int available, int previous, long? sequence = null)
    {
        var seq = sequence ?? Interlocked.Increment(ref _sequence);
        var eventId = "evt_" + Guid.NewGuid().ToString("N");
        var data = JsonSerializer.Serialize(new
        {
            channel, sku, available, previous, sequence = seq,
            locations = new[] { new { location = "DC1", available } }, sourceVersion = 1000 + seq,
        });
        const string sql = """
            INSERT INTO outbox_events (event_id, type, subject, channel_id, sku, sequence, data, occurred_at)
            VALUES (@eventId, 'inventory.availability.changed', @subject, @channel, @sku, @seq, @data, @now)
            """;
        var database = Stack.Process.Services.GetRequiredService<Database>();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(sql, new { eventId, subject = $"{channel}/{sku}", channel, sku, seq, data, now = Clock.GetUtcNow().ToUnixTimeMilliseconds() });
        return (eventId, seq);
    }

    /// <summary>When the subscription's current failing streak began (Unix ms), or null when its last attempt succeeded.</summary>
    public async Task<long?> FailingSinceAsync(string id)
    {
        var database = Stack.Process.Services.GetRequiredService<Database>();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long?>("SELECT failing_since FROM webhook_subscriptions WHERE id = @id", new { id });
    }

    public async Task<JsonElement> DeliveriesAsync(string id, string channel = "marketplace", string api = "/marketplace/v1") =>
        JsonDocument.Parse(await Connector(channel).GetStringAsync($"{api}/webhooks/{id}/deliveries?limit=100")).RootElement.GetProperty("items");

    public async Task<JsonElement> SubscriptionAsync(string id, string channel = "marketplace", string api = "/marketplace/v1") =>
        JsonDocument.Parse(await Connector(channel).GetStringAsync($"{api}/webhooks/{id}")).RootElement;

    public async ValueTask DisposeAsync() => await Stack.DisposeAsync();
}
