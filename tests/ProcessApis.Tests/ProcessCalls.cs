using System.Net.Http.Json;

namespace IntegrationGateway.ProcessApis.Tests;

/// <summary>Process API calls as an operator or a channel connector makes them.</summary>
public static class ProcessCalls
{
    public static Task<HttpResponseMessage> PutChannelAsync(this HttpClient process, string id, object definition) =>
        process.PutAsJsonAsync($"/process/v1/channels/{Uri.EscapeDataString(id)}", definition);

    public static Task<HttpResponseMessage> AvailabilityAsync(this HttpClient process, string channel, params string[] skus) =>
        process.GetAsync($"/process/v1/availability?channel={Uri.EscapeDataString(channel)}&" + string.Join("&", skus.Select(s => "sku=" + Uri.EscapeDataString(s))));

    public static Task<HttpResponseMessage> PlaceOrderAsync(this HttpClient process, string channel, params (string Sku, int Quantity)[] lines)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/process/v1/orders")
        {
            Content = JsonContent.Create(new
            {
                channel,
                orderRef = "T-" + Guid.NewGuid().ToString("N")[..8],
                lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }).ToArray(),
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return process.SendAsync(request);
    }

    /// <summary>A channel id unique to the calling test.</summary>
    public static string NewChannelId(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>A SKU class unique to the calling test, so its rules touch no other test's SKUs.</summary>
    public static string NewSkuClass() => "c-" + Guid.NewGuid().ToString("N")[..10];
}
