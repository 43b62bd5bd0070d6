using System.Net.Http.Json;
using IntegrationGateway.TestSupport.Hosting;

namespace IntegrationGateway.SystemApis.Tests;

/// <summary>The ERP calls the tests make, as the process API makes them.</summary>
public static class ErpCalls
{
    public static HttpClient Admin(this ServiceHost<SystemApisEntryPoint> erp) => erp.Client(TestTokens.Admin());

    public static Task<HttpResponseMessage> ReserveAsync(this HttpClient erp, string reference, string sku, string location, int quantity, string? key = null) =>
        erp.PostKeyedAsync("/system/erp/v1/reservations", new { reference, sku, location, quantity }, key);

    public static Task<HttpResponseMessage> ReleaseAsync(this HttpClient erp, string reference, string? key = null) =>
        erp.PostKeyedAsync("/system/erp/v1/reservations/release", new { reference }, key);

    public static Task<HttpResponseMessage> MoveAsync(this HttpClient erp, string sku, string location, string type, int quantity, string? key = null) =>
        erp.PostKeyedAsync("/system/erp/v1/movements", new { sku, location, type, quantity, reason = "test" }, key);

    public static async Task<HttpResponseMessage> PostKeyedAsync(this HttpClient client, string path, object body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key != "")
        {
            request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        }
        return await client.SendAsync(request);
    }
}
