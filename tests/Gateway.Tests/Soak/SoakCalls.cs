using System.Net.Http.Json;
using IntegrationGateway.Contracts.Erp;

namespace IntegrationGateway.Gateway.Tests.Soak;

/// <summary>The calls a soak worker makes: storefront v2 through the gateway, movements at the ERP admin API.</summary>
public static class SoakCalls
{
    public static async Task<SoakAnswer> PlaceOrderAsync(HttpClient storefront, object order, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/storefront/v2/orders") { Content = JsonContent.Create(order) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await SoakAnswer.ReadAsync(await storefront.SendAsync(request));
    }

    public static async Task<SoakAnswer> CancelOrderAsync(HttpClient storefront, string id, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/storefront/v2/orders/{id}/cancel");
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await SoakAnswer.ReadAsync(await storefront.SendAsync(request));
    }

    public static async Task<SoakAnswer> AvailabilityAsync(HttpClient storefront, string sku) =>
        await SoakAnswer.ReadAsync(await storefront.GetAsync($"/storefront/v2/availability/{Uri.EscapeDataString(sku)}"));

    public static async Task<SoakAnswer> MoveAsync(HttpClient erpAdmin, MovementRequest movement, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/system/erp/v1/movements") { Content = JsonContent.Create(movement) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await SoakAnswer.ReadAsync(await erpAdmin.SendAsync(request));
    }

    /// <summary>The warehouse side, through the gateway's process route with an operator's token.</summary>
    public static async Task<SoakAnswer> AllocateAsync(HttpClient warehouse, string orderId, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/process/v1/orders/{orderId}/allocate");
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await SoakAnswer.ReadAsync(await warehouse.SendAsync(request));
    }

    public static async Task<SoakAnswer> ShipConfirmAsync(HttpClient warehouse, string pickId, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/process/v1/picks/{pickId}/ship-confirm");
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await SoakAnswer.ReadAsync(await warehouse.SendAsync(request));
    }

    public static async Task<SoakAnswer> RefusePickAsync(HttpClient warehouse, string pickId, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/process/v1/picks/{pickId}/refusal") { Content = JsonContent.Create(new { reason = "soak: bin short" }) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await SoakAnswer.ReadAsync(await warehouse.SendAsync(request));
    }

    public static object Order(string? shipToRegion, bool allowSplit, IEnumerable<(string Sku, int Quantity)> lines) => new
    {
        orderRef = "SOAK-" + Guid.NewGuid().ToString("N")[..8],
        lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }).ToArray(),
        shipToRegion,
        allowSplit,
    };
}
