using System.Net.Http.Json;
using System.Text.Json;
using IntegrationGateway.Contracts.Erp;

namespace IntegrationGateway.ProcessApis.Tests;

/// <summary>Fulfilment calls as the WMS connector and operators make them, and the few movements the flows need.</summary>
public static class FulfilmentCalls
{
    public static Task<HttpResponseMessage> PlaceOrderAsync(this HttpClient process, string channel, bool allowBackorder, params (string Sku, int Quantity)[] lines) =>
        process.KeyedPostAsync("/process/v1/orders", new
        {
            channel,
            orderRef = "T-" + Guid.NewGuid().ToString("N")[..8],
            allowBackorder,
            lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }).ToArray(),
        });

    public static Task<HttpResponseMessage> AllocateAsync(this HttpClient process, string orderId, string? key = null) =>
        process.KeyedPostAsync($"/process/v1/orders/{orderId}/allocate", null, key);

    public static Task<HttpResponseMessage> ShipConfirmAsync(this HttpClient process, string pickId, string? key = null) =>
        process.KeyedPostAsync($"/process/v1/picks/{pickId}/ship-confirm", null, key);

    public static Task<HttpResponseMessage> RefuseAsync(this HttpClient process, string pickId, string reason = "bin empty", string? key = null) =>
        process.KeyedPostAsync($"/process/v1/picks/{pickId}/refusal", new { reason }, key);

    public static Task<HttpResponseMessage> CancelAsync(this HttpClient process, string orderId, string? key = null) =>
        process.KeyedPostAsync($"/process/v1/orders/{orderId}/cancel", null, key);

    public static Task<HttpResponseMessage> CountAsync(this HttpClient process, string sku, string location, int counted, string? key = null) =>
        process.KeyedPostAsync("/process/v1/stock-counts", new { sku, location, countedOnHand = counted, referenceDocument = "CC-" + Guid.NewGuid().ToString("N")[..6] }, key);

    public static Task<HttpResponseMessage> FillBackordersAsync(this HttpClient process) =>
        process.KeyedPostAsync("/process/v1/backorders/fill", null);

    public static Task<HttpResponseMessage> MoveAsync(this HttpClient erp, MovementRequest movement) =>
        erp.KeyedPostAsync("/system/erp/v1/movements", movement);

    public static async Task<HttpResponseMessage> KeyedPostAsync(this HttpClient client, string path, object? body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    /// <summary>The one allocation of the order's only line (tests that need more read the whole order).</summary>
    public static JsonElement OnlyAllocation(this JsonElement order) => order.GetProperty("lines")[0].GetProperty("allocations").EnumerateArray().Single();

    public static string Buckets(this Balance b) =>
        $"onHand={b.OnHand} reserved={b.Reserved} allocated={b.Allocated} damaged={b.Damaged} inspection={b.Inspection} inTransit={b.InTransit} available={b.Available}";
}
