using System.Net.Http.Json;

namespace IntegrationGateway.Gateway.Tests;

/// <summary>Storefront calls as a connector makes them.</summary>
public static class OrderRequests
{
    public static Task<HttpResponseMessage> PlaceOrderAsync(this HttpClient client, object order, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/storefront/v1/orders") { Content = JsonContent.Create(order) };
        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> CancelOrderAsync(this HttpClient client, string id, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/storefront/v1/orders/{id}/cancel");
        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }

    public static object Order(params (string Sku, int Quantity)[] lines) => Order(null, true, lines);

    public static object Order(string? shipToRegion, bool allowSplit, params (string Sku, int Quantity)[] lines) => new
    {
        orderRef = "SF-" + Guid.NewGuid().ToString("N")[..8],
        lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }).ToArray(),
        shipToRegion,
        allowSplit,
    };
}
