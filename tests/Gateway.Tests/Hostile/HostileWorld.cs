using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.TestSupport.Hostile;
using IntegrationGateway.TestSupport.Hosting;

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
    }

    /// <summary>Everything a refused request must leave as it was: the SKU's ledger and balances, the orders, channels, picks and count flags.</summary>
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
        return string.Join("\n\n", parts);
    }

    /// <summary>A token for the contract's callers: the channel an experience API serves, the admin scope for internal APIs.</summary>
    public static string TokenFor(string contract, string clientId) => contract switch
    {
        "experience-storefront-v1" or "experience-storefront-v2" => TestTokens.For(clientId, "storefront", TestTokens.StorefrontScopes),
        "experience-marketplace-v1" => TestTokens.For(clientId, "marketplace", TestTokens.StorefrontScopes),
        "experience-b2b-v1" => TestTokens.For(clientId, "b2b", TestTokens.StorefrontScopes),
        _ => TestTokens.For(clientId, null, Scopes.InventoryAdmin),
    };

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
