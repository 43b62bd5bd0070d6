using System.Net.Http.Json;
using System.Text.Json;
using IntegrationGateway.TestSupport.Hosting;

namespace IntegrationGateway.Gateway.Tests;

/// <summary>B2B calls as a buyer's system makes them, and the purchase orders operations staff post at the ERP.</summary>
public static class B2bRequests
{
    /// <summary>A buyer's system calling through the gateway for a b2b channel.</summary>
    public static HttpClient B2bClient(this Stack stack, string clientId, string channel = "b2b") =>
        stack.Gateway.Client(TestTokens.For(clientId, channel, TestTokens.StorefrontScopes));

    public static Task<HttpResponseMessage> QueryB2bAvailabilityAsync(this HttpClient client, IEnumerable<string> skus) =>
        client.PostAsJsonAsync("/b2b/v1/availability/query", new { skus });

    /// <summary>The answer's items by SKU.</summary>
    public static Dictionary<string, JsonElement> ItemsBySku(JsonElement availability) =>
        availability.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("sku").GetString()!);

    public static Dictionary<string, int> Locations(JsonElement item) =>
        item.GetProperty("locations").EnumerateArray().ToDictionary(l => l.GetProperty("location").GetString()!, l => l.GetProperty("available").GetInt32());

    public static DateTimeOffset? BackorderEta(JsonElement item) =>
        item.TryGetProperty("backorderEta", out var eta) && eta.ValueKind != JsonValueKind.Null ? eta.GetDateTimeOffset() : null;

    public static Task<HttpResponseMessage> PlaceB2bOrderAsync(this HttpClient client, string purchaseOrderNumber, params (string Sku, int Quantity)[] lines) =>
        client.SendKeyedAsync("/b2b/v1/orders", new { purchaseOrderNumber, lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }) });

    public static Task<HttpResponseMessage> CancelB2bOrderAsync(this HttpClient client, string id) =>
        client.SendKeyedAsync($"/b2b/v1/orders/{id}/cancel", null);

    /// <summary>Per line, the units held at each location.</summary>
    public static Dictionary<string, int> ShipFrom(JsonElement line) =>
        line.GetProperty("shipFrom").EnumerateArray().ToDictionary(s => s.GetProperty("location").GetString()!, s => s.GetProperty("quantity").GetInt32());

    /// <summary>Posts an ERP movement as operations staff do: a purchase order with its ETA, a purchase receipt, a safety-stock setting.</summary>
    public static async Task PostErpMovementAsync(this Stack stack, string sku, string location, string type, int quantity, DateTimeOffset? expectedAt = null)
    {
        var response = await stack.Erp.Client(TestTokens.Admin()).SendKeyedAsync("/system/erp/v1/movements", new { sku, location, type, quantity, expectedAt });
        response.EnsureSuccessStatusCode();
    }

    private static Task<HttpResponseMessage> SendKeyedAsync(this HttpClient client, string path, object? body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }
}
