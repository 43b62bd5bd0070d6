using System.Net.Http.Json;
using IntegrationGateway.Contracts.Erp;

namespace IntegrationGateway.TestSupport.Hosting;

/// <summary>Lays out stock for a test through the ERP's own API and reads balances back.</summary>
public sealed class Inventory(HttpClient erp)
{
    /// <summary>A new SKU, unique to the calling test, with the given on-hand per location.</summary>
    public Task<string> NewSkuAsync(params (string Location, int OnHand)[] stock) => NewSkuOfClassAsync("standard", stock);

    /// <summary>A new SKU of the given SKU class (which picks a channel's rule), with the given on-hand per location.</summary>
    public async Task<string> NewSkuOfClassAsync(string skuClass, params (string Location, int OnHand)[] stock)
    {
        var sku = "T-" + Guid.NewGuid().ToString("N")[..12];
        (await erp.PutAsJsonAsync($"/system/erp/v1/items/{sku}", new ItemUpsert { Description = "test item", SkuClass = skuClass })).EnsureSuccessStatusCode();
        foreach (var (location, onHand) in stock.Where(s => s.OnHand > 0))
        {
            await ReceiveAsync(sku, location, onHand);
        }
        return sku;
    }

    public async Task ReceiveAsync(string sku, string location, int quantity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/system/erp/v1/movements")
        {
            Content = JsonContent.Create(new MovementRequest { Sku = sku, Location = location, Type = MovementType.Receipt, Quantity = quantity }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        (await erp.SendAsync(request)).EnsureSuccessStatusCode();
    }

    public async Task<IReadOnlyList<Balance>> BalancesAsync(params string[] skus)
    {
        var query = string.Join("&", skus.Select(s => "sku=" + Uri.EscapeDataString(s)));
        return (await erp.GetFromJsonAsync<List<Balance>>($"/system/erp/v1/balances?{query}"))!;
    }

    public async Task<Balance> BalanceAsync(string sku, string location) =>
        (await BalancesAsync(sku)).Single(b => b.Location == location);

    /// <summary>Every bucket of every location of the SKUs, to compare before and after.</summary>
    public async Task<string> SnapshotAsync(params string[] skus) =>
        string.Join("\n", (await BalancesAsync(skus)).Select(b =>
            $"{b.Sku}@{b.Location}: onHand={b.OnHand} reserved={b.Reserved} allocated={b.Allocated} available={b.Available}"));
}
