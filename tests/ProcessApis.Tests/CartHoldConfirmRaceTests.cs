using System.Net;
using IntegrationGateway.ProcessApis.Holds;
using IntegrationGateway.ProcessApis.Steps;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationGateway.ProcessApis.Tests;

/// <summary>
/// While a cart confirms, other buyers want the same units. The held units are never sellable on the way from hold to
/// order, so the confirm succeeds, the others get only what was free, and nothing is oversold.
/// </summary>
public abstract class CartHoldConfirmRaceTests(CrashStackFixture fixture)
{
    private readonly RestartableStack _stack = fixture.Stack;

    [Fact]
    public async Task CompetingOrdersCannotTakeHeldUnitsAtAnyStepOfAConfirm()
    {
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 5));
        var cart = NewCartId();
        (await HoldAsync(cart, sku, 5)).EnsureSuccessStatusCode();
        var steps = new[] { ProcessSteps.ConfirmClaimed, ProcessSteps.ConfirmTransferred, ProcessSteps.ConfirmRecorded };
        var gates = steps.ToDictionary(s => s, _ => new TaskCompletionSource());
        var arrivals = steps.Select(s => fixture.Gate.HoldAt(s, gates[s].Task)).ToList();

        var confirm = ConfirmAsync(cart);
        var competing = new List<HttpResponseMessage>();
        foreach (var (step, arrived) in steps.Zip(arrivals))
        {
            // The confirm waits at this step while buyers try for the held units; then it goes on to the next.
            await arrived.WaitAsync(TimeSpan.FromSeconds(30));
            competing.AddRange(await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Channel().PlaceOrderAsync("storefront", (sku, 1)))));
            Assert.True((await inventory.BalanceAsync(sku, "EU-1")).Reserved == 5, $"The held units were let go at {step}.");
            gates[step].SetResult();
        }

        var order = await (await confirm).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(5, order.GetProperty("lines")[0].GetProperty("quantity").GetInt32());
        Assert.All(competing, c => Assert.Equal(HttpStatusCode.Conflict, c.StatusCode));
        var balance = await inventory.BalanceAsync(sku, "EU-1");
        Assert.Equal((5, 5, 0), (balance.OnHand, balance.Reserved, balance.Available));
    }

    [Fact]
    public async Task ConfirmsRacingBuyersAlwaysSucceedAndBuyersGetOnlyTheFreeUnits()
    {
        var inventory = _stack.Inventory();
        for (var round = 0; round < 5; round++)
        {
            var sku = await inventory.NewSkuAsync(("EU-1", 4));
            var cart = NewCartId();
            (await HoldAsync(cart, sku, 3)).EnsureSuccessStatusCode();

            var confirm = ConfirmAsync(cart);
            var buyers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Channel().PlaceOrderAsync("storefront", (sku, 1))));

            await (await confirm).JsonAsync(HttpStatusCode.Created);
            Assert.Equal(1, buyers.Count(b => b.StatusCode == HttpStatusCode.Created));
            Assert.All(buyers, b => Assert.Contains(b.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
            var balance = await inventory.BalanceAsync(sku, "EU-1");
            Assert.Equal((4, 4, 0), (balance.OnHand, balance.Reserved, balance.Available));
        }
    }

    [Fact]
    public async Task ACartWhoseHoldTheErpNoLongerHasIsRefusedAsShortAndLeavesNothingHeld()
    {
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 5));
        var cart = NewCartId();
        (await HoldAsync(cart, sku, 2)).EnsureSuccessStatusCode();
        // The hold's reservation goes at the ERP behind the process's back (an operator released it).
        var reference = (await _stack.Process.Services.GetRequiredService<HoldStore>().ListAsync(cart, CancellationToken.None)).Single().Reference;
        (await _stack.Erp.Client(TestTokens.Admin()).KeyedPostAsync("/system/erp/v1/reservations/release", new { reference })).EnsureSuccessStatusCode();
        var key = Guid.NewGuid().ToString();
        var body = new { orderRef = "gone" };

        var refused = await (await Channel().KeyedPostAsync($"/process/v1/carts/{cart}/confirm", body, key)).AssertProblemAsync(HttpStatusCode.Conflict, "insufficient-stock");
        var replay = await (await Channel().KeyedPostAsync($"/process/v1/carts/{cart}/confirm", body, key)).AssertProblemAsync(HttpStatusCode.Conflict, "insufficient-stock");

        Assert.Equal(refused.GetProperty("detail").GetString(), replay.GetProperty("detail").GetString());
        Assert.Equal(0, (await inventory.BalanceAsync(sku, "EU-1")).Reserved);
        Assert.All(await _stack.Process.Services.GetRequiredService<HoldStore>().ListAsync(cart, CancellationToken.None), r => Assert.Equal(HoldStates.Released, r.State));
        await (await ConfirmAsync(cart)).AssertProblemAsync(HttpStatusCode.Conflict, "cart-expired");
    }

    private HttpClient Channel() => _stack.Process.Client(TestTokens.Storefront("confirm-race"));

    private static string NewCartId() => "cart-" + Guid.NewGuid().ToString("N")[..12];

    private Task<HttpResponseMessage> HoldAsync(string cart, string sku, int quantity) =>
        Channel().KeyedPostAsync($"/process/v1/carts/{cart}/holds", new { channel = "storefront", lines = new[] { new { sku, quantity } }, ttlSeconds = 600 });

    private Task<HttpResponseMessage> ConfirmAsync(string cart) =>
        Channel().KeyedPostAsync($"/process/v1/carts/{cart}/confirm", new { orderRef = "race-" + Guid.NewGuid().ToString("N")[..8] });
}

public sealed class CartHoldConfirmRaceOnSqliteTests(CrashStackOnSqliteFixture fixture) : CartHoldConfirmRaceTests(fixture), IClassFixture<CrashStackOnSqliteFixture>;

public sealed class CartHoldConfirmRaceOnPostgresTests(CrashStackOnPostgresFixture fixture) : CartHoldConfirmRaceTests(fixture), IClassFixture<CrashStackOnPostgresFixture>;
