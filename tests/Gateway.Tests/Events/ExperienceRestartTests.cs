using System.Net;
using System.Net.Http.Json;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationGateway.Gateway.Tests.Events;

/// <summary>
/// ExperienceApis hold nothing authoritative (DESIGN.md): an experience host stopped while stock moves, orders are
/// placed and a channel's rules change, then replaced by a new one, builds its read models from the process API and
/// its events by itself (no read needed to start it), and they equal the truth.
/// </summary>
public abstract class ExperienceRestartTests(bool onPostgres) : RestartableStores(onPostgres)
{
    [Fact]
    public async Task ANewExperienceHostRebuildsEveryChannelsReadModelIncludingWhatChangedWhileNoneRan()
    {
        await using var stack = RestartableStack.Start(await StoresAsync(), _ => { }, _ => { });
        var inventory = stack.Inventory();
        var ordered = await inventory.NewSkuAsync(("EU-1", 6), ("US-1", 3));
        var received = await inventory.NewSkuAsync(("EU-1", 2));
        using (var shop = stack.Experience!.Client(TestTokens.Storefront("restart-shop")))
        {
            Assert.Equal(HttpStatusCode.Created, (await shop.PlaceOrderAsync(OrderRequests.Order((ordered, 2)))).StatusCode);
        }
        await stack.SettleAsync();
        Assert.Empty(await ReadModelConvergence.DisagreementsAsync(stack.Process, [stack.Experience!], [ordered, received]));

        await stack.StopExperienceAsync();
        var added = await inventory.NewSkuAsync(("US-1", 9));
        await inventory.ReceiveAsync(received, "EU-1", 5);
        using var admin = stack.Process.Client(TestTokens.Admin("restart-ops"));
        using (var order = new HttpRequestMessage(HttpMethod.Post, "/process/v1/orders") { Content = JsonContent.Create(new { channel = "storefront", orderRef = "restart", lines = new[] { new { sku = ordered, quantity = 3 } } }) })
        using (var storefront = stack.Process.Client(TestTokens.Storefront("restart-connector")))
        {
            order.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            Assert.Equal(HttpStatusCode.Created, (await storefront.SendAsync(order)).StatusCode);
        }
        (await admin.PutAsJsonAsync("/process/v1/channels/marketplace", new { type = "marketplace", rules = new[] { new { skuClass = "*", stockPercent = 50, buffer = 1, endWhen = 0 } } })).EnsureSuccessStatusCode();
        await stack.SettleAsync();

        var experience = stack.StartExperience();
        await stack.SettleAsync();

        var skus = new[] { ordered, received, added };
        Assert.Empty(await ReadModelConvergence.DisagreementsAsync(stack.Process, [experience], skus));
        Assert.Empty(await PublishedSequences.FaultsAsync(stack.Process.Services.GetRequiredService<Database>(), skus));
        using var reader = experience.Client(TestTokens.Storefront("restart-reader"));
        foreach (var (sku, total) in skus.Zip([4, 7, 9]))
        {
            var level = await (await reader.GetAsync($"/storefront/v2/availability/{sku}")).JsonAsync(HttpStatusCode.OK);
            Assert.Equal(total, level.GetProperty("total").GetProperty("available").GetInt32());
        }
    }
}

public sealed class ExperienceRestartOnSqliteTests() : ExperienceRestartTests(onPostgres: false);

public sealed class ExperienceRestartOnPostgresTests() : ExperienceRestartTests(onPostgres: true);
