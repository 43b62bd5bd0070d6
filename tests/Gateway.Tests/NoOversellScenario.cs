using System.Net;
using IntegrationGateway.TestSupport.Hosting;

namespace IntegrationGateway.Gateway.Tests;

/// <summary>
/// Invariant 1 under load: many clients race single-unit orders for one SKU through the whole stack.
/// Exactly the sellable quantity is accepted, whatever the store.
/// </summary>
public static class NoOversellScenario
{
    public static async Task RunAsync(Stack stack, int sellable = 50, int orders = 200, int clients = 8)
    {
        var inventory = stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", sellable));
        var connectors = Enumerable.Range(0, clients).Select(i => stack.StorefrontClient($"race-{sku}-{i}")).ToArray();

        var answers = await Task.WhenAll(Enumerable.Range(0, orders)
            .Select(i => connectors[i % clients].PlaceOrderAsync(OrderRequests.Order((sku, 1)))));

        var byStatus = answers.GroupBy(a => a.StatusCode).ToDictionary(g => g.Key, g => g.Count());
        var odd = answers.FirstOrDefault(a => a.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict));
        var seen = string.Join(", ", byStatus.Select(s => $"{(int)s.Key}: {s.Value}"))
            + (odd is null ? "" : $"; first other answer: {await odd.Content.ReadAsStringAsync()}");
        Assert.True(byStatus.GetValueOrDefault(HttpStatusCode.Created) == sellable, $"Accepted orders: {seen}");
        Assert.True(byStatus.GetValueOrDefault(HttpStatusCode.Conflict) == orders - sellable, $"Refused orders: {seen}");
        var balance = await inventory.BalanceAsync(sku, "EU-1");
        Assert.Equal((sellable, sellable, 0), (balance.OnHand, balance.Reserved, balance.Available));

        var level = await connectors[0].GetAsync($"/storefront/v1/availability/{sku}");
        Assert.Contains("\"available\":0", await level.Content.ReadAsStringAsync());
    }
}
