using System.Net.Http.Json;
using System.Text.Json;
using IntegrationGateway.TestSupport.Hosting;

namespace IntegrationGateway.Benchmarks;

/// <summary>
/// The warehouse side through the gateway: allocate reserved orders (ERP allocate + WMS pick + process record), then
/// confirm each pick's shipment (WMS ship + ERP shipment posting + process record).
/// </summary>
public static class Fulfilment
{
    public const int Orders = 1000;

    public static async Task<LoadRun.Result[]> MeasureAsync(Stack stack, string store, string[] orderIds, int concurrency)
    {
        using var warehouse = stack.Gateway.Client(TestTokens.Admin($"bench-warehouse-{store}"));
        var pickIds = new string[orderIds.Length];
        var allocate = await LoadRun.RunAsync("allocate (pick per order)", store, orderIds.Length, concurrency, async i =>
        {
            var response = await SendAsync(warehouse, $"/process/v1/orders/{orderIds[i]}/allocate", $"bench-alloc-{i}");
            var order = await response.Content.ReadFromJsonAsync<JsonElement>();
            pickIds[i] = order.GetProperty("lines")[0].GetProperty("allocations")[0].GetProperty("pickId").GetString()!;
            return response;
        });
        var ship = await LoadRun.RunAsync("ship confirm", store, pickIds.Length, concurrency,
            i => SendAsync(warehouse, $"/process/v1/picks/{pickIds[i]}/ship-confirm", $"bench-ship-{i}"));
        return [allocate, ship];
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
