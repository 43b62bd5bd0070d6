using System.Net;
using System.Net.Http.Json;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;

namespace IntegrationGateway.SystemApis.Tests;

/// <summary>The inventory master as a caller visits all of it: pages in SKU order.</summary>
public static partial class ErpScenarios
{
    public static async Task ItemPagesVisitEverySkuOnceInSkuOrder(ServiceHost<SystemApisEntryPoint> host)
    {
        var erp = host.Admin();
        var inventory = new Inventory(erp);
        var created = new[] { await inventory.NewSkuAsync(), await inventory.NewSkuAsync(), await inventory.NewSkuAsync() };

        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = (await erp.GetFromJsonAsync<ItemPage>($"/system/erp/v1/items?limit=2{(after is null ? "" : "&after=" + Uri.EscapeDataString(after))}"))!;
            Assert.InRange(page.Items.Count, 0, 2);
            seen.AddRange(page.Items.Select(i => i.Sku));
            after = page.NextCursor;
        }
        while (after is not null);

        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(created, sku => Assert.Contains(sku, seen));
        await (await erp.GetAsync("/system/erp/v1/items?limit=501")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
    }
}
