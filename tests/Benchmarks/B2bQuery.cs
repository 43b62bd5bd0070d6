using System.Net.Http.Json;
using IntegrationGateway.TestSupport.Hosting;

namespace IntegrationGateway.Benchmarks;

/// <summary>A B2B buyer's availability query of 1,000 SKUs at once, through gateway, B2B API, process and ERP.</summary>
public static class B2bQuery
{
    private const int Skus = 1000;
    private const int Queries = 100;
    private const int Concurrency = 4;

    public static async Task<LoadRun.Result> MeasureAsync(Stack stack, string store)
    {
        var inventory = stack.Inventory();
        var skus = new string[Skus];
        await Parallel.ForEachAsync(Enumerable.Range(0, Skus), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, _) => skus[i] = await inventory.NewSkuAsync(("EU-1", i % 7), ("US-1", i % 5)));
        using var buyer = stack.Gateway.Client(TestTokens.For($"bench-buyer-{store}", "b2b", "availability:read orders:write"));
        return await LoadRun.RunAsync($"b2b availability query, {Skus} SKUs", store, Queries, Concurrency,
            _ => buyer.PostAsJsonAsync("/b2b/v1/availability/query", new { skus }));
    }
}
