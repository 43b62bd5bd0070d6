using System.Net.Http.Json;
using System.Text.Json;
using IntegrationGateway.TestSupport.Hosting;

namespace IntegrationGateway.Gateway.Tests;

/// <summary>Marketplace calls as a connector makes them, and the operator's channel set-up.</summary>
public static class MarketplaceRequests
{
    public static Task<HttpResponseMessage> FeedAsync(this HttpClient client, string? cursor = null) =>
        client.GetAsync(cursor is null ? "/marketplace/v1/inventory-feed" : $"/marketplace/v1/inventory-feed?cursor={Uri.EscapeDataString(cursor)}");

    public static Dictionary<string, int> Quantities(JsonElement feed) =>
        feed.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("sku").GetString()!, i => i.GetProperty("quantity").GetInt32());

    public static Task<HttpResponseMessage> PlaceMarketplaceOrderAsync(this HttpClient client, string marketplaceOrderId, params (string Sku, int Quantity)[] lines)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/marketplace/v1/orders")
        {
            Content = JsonContent.Create(new { marketplaceOrderId, lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }) }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> CancelMarketplaceOrderAsync(this HttpClient client, string id)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/marketplace/v1/orders/{id}/cancel");
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }

    /// <summary>Creates or replaces a channel through the process API, as operations staff do.</summary>
    public static async Task PutChannelAsync(this Stack stack, string id, string type, params object[] rules)
    {
        var response = await stack.Process.Client(TestTokens.Admin()).PutAsJsonAsync($"/process/v1/channels/{id}", new { type, rules });
        response.EnsureSuccessStatusCode();
    }
}
