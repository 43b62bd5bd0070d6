using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.TestSupport.Hostile;
using IntegrationGateway.TestSupport.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationGateway.Gateway.Tests.Hostile;

/// <summary>
/// What one endpoint's hostile run starts from, made through the public and admin APIs: a SKU with plenty of stock,
/// an order on each channel, a cart with a hold, a channel, picks. Valid requests are built from these, and the
/// state a refused request must not touch is read back from them.
/// </summary>
public sealed partial class HostileWorld
{
    private readonly Stack _stack;
    private readonly HttpClient _admin;

    private HostileWorld(Stack stack, string tag)
    {
        _stack = stack;
        _admin = stack.Gateway.Client(TestTokens.Admin("hostile-setup-" + tag));
        Tag = tag;
    }

    public string Tag { get; }
    public string Sku { get; private set; } = "";
    public string CartId { get; private set; } = "";
    public string ChannelId { get; private set; } = "";
    public string WmsReference { get; private set; } = "";
    public Dictionary<string, string> OrderIds { get; } = [];
    public string ProcessPickId { get; private set; } = "";
    public string WmsPickId { get; private set; } = "";

    /// <summary>A webhook subscription of each channel, by channel id: the three public channels and this world's own.</summary>
    public Dictionary<string, string> WebhookIds { get; } = [];

    public static async Task<HostileWorld> CreateAsync(Stack stack, string tag)
    {
        var world = new HostileWorld(stack, tag);
        await world.SeedAsync();
        return world;
    }

    private async Task SeedAsync()
    {
        Sku = await _stack.Inventory().NewSkuAsync(("EU-1", 100_000), ("US-1", 100_000));
        OrderIds["storefront"] = await IdOf(await _stack.Gateway.Client(TokenFor("experience-storefront-v2", "setup")).PlaceOrderAsync(OrderRequests.Order((Sku, 1))));
        OrderIds["marketplace"] = await IdOf(await _stack.MarketplaceClient("hostile-setup").PlaceMarketplaceOrderAsync("HX-MP-" + Tag, (Sku, 1)));
        OrderIds["b2b"] = await IdOf(await _stack.B2bClient("hostile-setup").PlaceB2bOrderAsync("HX-PO-" + Tag, (Sku, 1)));
        OrderIds["process"] = await IdOf(await _stack.Gateway.Client(TokenFor("experience-storefront-v2", "setup")).PlaceOrderAsync(OrderRequests.Order((Sku, 1))));
        (await Keyed(HttpMethod.Post, $"/process/v1/orders/{OrderIds["process"]}/allocate", null)).EnsureSuccessStatusCode();
        var picks = await (await _admin.GetAsync($"/system/wms/v1/picks?reference={OrderIds["process"]}")).Content.ReadFromJsonAsync<JsonElement>();
        ProcessPickId = FirstId(picks);

        CartId = "hx-cart-" + Tag;
        var storefront = _stack.Gateway.Client(TokenFor("experience-storefront-v2", "setup"));
        using (var hold = new HttpRequestMessage(HttpMethod.Post, $"/storefront/v2/carts/{CartId}/holds") { Content = JsonContent.Create(new { lines = new[] { new { sku = Sku, quantity = 1 } }, ttlSeconds = 900 }) })
        {
            hold.Headers.Add("Idempotency-Key", "hx-hold-" + Tag);
            (await storefront.SendAsync(hold)).EnsureSuccessStatusCode();
        }
        ChannelId = "hx-" + Tag;
        (await _admin.PutAsJsonAsync($"/process/v1/channels/{ChannelId}", new { type = "marketplace" })).EnsureSuccessStatusCode();
        WmsReference = "hx-ref-" + Tag;
        var pick = await Keyed(HttpMethod.Post, "/system/wms/v1/picks", new { reference = WmsReference, sku = Sku, location = "EU-1", quantity = 1 });
        WmsPickId = (await pick.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        // Subscribed once the set-up's events have gone out, so no delivery to them is due while requests are refused.
        await _stack.SettleAsync();
        foreach (var (channel, contract, api) in new[] { ("storefront", "experience-storefront-v2", "/storefront/v2"), ("marketplace", "experience-marketplace-v1", "/marketplace/v1"), ("b2b", "experience-b2b-v1", "/b2b/v1") })
        {
            WebhookIds[channel] = await SubscribeAsync(_stack.Gateway.Client(TokenFor(contract, "hostile-setup")), $"{api}/webhooks");
        }
        WebhookIds[ChannelId] = await SubscribeAsync(_admin, $"/process/v1/channels/{ChannelId}/webhooks");
    }

    private async Task<string> SubscribeAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            // Nothing listens there: the subscriptions only have to exist (the stack allows local targets, as in Development).
            Content = JsonContent.Create(new { url = "http://127.0.0.1:9/hx-hooks/" + Tag, events = new[] { "inventory.availability.changed" } }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await IdOf(await client.SendAsync(request));
    }

    /// <summary>
    /// Everything a refused request must leave as it was: the SKU's ledger and balances, the orders, channels, picks and
    /// count flags, and each channel's webhook subscriptions (the list, this world's one and its delivery log).
    /// </summary>
    public async Task<string> SnapshotAsync()
    {
        var reads = new List<string>
        {
            $"/system/erp/v1/balances?sku={Sku}",
            $"/system/erp/v1/ledger?sku={Sku}&limit=500",
            "/process/v1/channels",
            $"/system/wms/v1/picks?reference={OrderIds["process"]}",
            $"/system/wms/v1/picks?reference={WmsReference}",
            $"/system/wms/v1/count-flags?sku={Sku}",
            $"/process/v1/availability?channel=storefront&sku={Sku}&cartId={CartId}",
        };
        reads.AddRange(OrderIds.Values.Select(id => $"/process/v1/orders/{id}"));
        var parts = new List<string>();
        foreach (var read in reads)
        {
            parts.Add($"{read}\n{await _admin.GetStringAsync(read)}");
        }
        parts.Add(await WebhookTablesAsync());
        return string.Join("\n\n", parts);
    }

    /// <summary>
    /// Every subscription as stored (a refused request creates, deletes or rotates none) and every message a replay or a
    /// backfill queued (a refused replay queues none). Delivery attempts, and the messages fanned out from the stream,
    /// move on in the background and are left out.
    /// </summary>
    private async Task<string> WebhookTablesAsync()
    {
        const string subscriptionsSql = """
            SELECT id, channel_id, url, events, secret, previous_secret, previous_secret_until, enabled, disabled_reason, start_position, created_at
            FROM webhook_subscriptions ORDER BY id
            """;
        const string messagesSql = "SELECT id, subscription_id, webhook_id, event_type FROM webhook_messages WHERE mergeable = 0 ORDER BY id";
        await using var connection = await _stack.Process.Services.GetRequiredService<Database>().OpenAsync(CancellationToken.None);
        var subscriptions = await connection.QueryAsync(subscriptionsSql);
        var messages = await connection.QueryAsync(messagesSql);
        return "webhook_subscriptions\n" + string.Join("\n", subscriptions.Select(Row)) + "\n\nwebhook_messages (replayed)\n" + string.Join("\n", messages.Select(Row));
    }

    private static string Row(dynamic row) => string.Join(" | ", ((IDictionary<string, object?>)row).Select(c => $"{c.Key}={c.Value}"));

    /// <summary>A token for the contract's callers: the channel an experience API serves (with every scope a connector may hold), the admin scope for internal APIs.</summary>
    public static string TokenFor(string contract, string clientId) => contract switch
    {
        "experience-storefront-v1" or "experience-storefront-v2" => TestTokens.For(clientId, "storefront", ConnectorScopes),
        "experience-marketplace-v1" => TestTokens.For(clientId, "marketplace", ConnectorScopes),
        "experience-b2b-v1" => TestTokens.For(clientId, "b2b", ConnectorScopes),
        _ => TestTokens.For(clientId, null, Scopes.InventoryAdmin),
    };

    private const string ConnectorScopes = TestTokens.StorefrontScopes + " " + Scopes.WebhooksManage;

    private async Task<HttpResponseMessage> Keyed(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await _admin.SendAsync(request);
    }

    private static async Task<string> IdOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Setting up the hostile run failed: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    private static string FirstId(JsonElement list)
    {
        var items = list.ValueKind == JsonValueKind.Array ? list : list.EnumerateObject().First(p => p.Value.ValueKind == JsonValueKind.Array).Value;
        return items.EnumerateArray().First().GetProperty("id").GetString()!;
    }
}
