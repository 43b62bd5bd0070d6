using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using IntegrationGateway.ProcessApis.Orders;
using IntegrationGateway.TestSupport;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationGateway.ProcessApis.Tests;

/// <summary>A stack whose process API can lose the ERP on command, and treats any pending order as stranded.</summary>
public sealed class OutageStackFixture : IAsyncLifetime
{
    public Outage Erp { get; } = new();

    public Stack Stack { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Stack = Stack.Start(new StackOptions
        {
            ProcessServices = services =>
            {
                Erp.Install(services);
                services.Configure<OrderRecoveryOptions>(o => o.StrandedAfter = TimeSpan.Zero);
            },
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Stack.DisposeAsync();
}

public sealed class ErpOutageTests(OutageStackFixture fixture) : IClassFixture<OutageStackFixture>
{
    private readonly Stack _stack = fixture.Stack;

    [Fact]
    public async Task AnErpOutageAnswers503WithRetryAfterPromptlyAndReservesNothing()
    {
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 5));
        var client = _stack.Process.Client(TestTokens.Storefront("outage-1"));
        fixture.Erp.Begin();
        var clock = Stopwatch.StartNew();
        HttpResponseMessage response;
        try
        {
            response = await PlaceAsync(client, sku, 2);
        }
        finally
        {
            fixture.Erp.End();
        }

        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "dependency-unavailable");
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"An outage is answered, not waited out ({clock.Elapsed}).");
        Assert.Equal(0, (await inventory.BalanceAsync(sku, "EU-1")).Reserved);
    }

    [Fact]
    public async Task AnOutageMidOrderLeavesNoHalfReservationOnceRecoveryRuns()
    {
        var inventory = _stack.Inventory();
        var first = await inventory.NewSkuAsync(("EU-1", 5));
        var second = await inventory.NewSkuAsync(("EU-1", 5));
        var client = _stack.Process.Client(TestTokens.Storefront("outage-2"));
        var reservations = 0;
        // The first line's reservation gets through; then the ERP is gone, before the second line and the release.
        fixture.Erp.BeginWhen(request => request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.StartsWith("/system/erp/v1/reservations", StringComparison.Ordinal)
            && Interlocked.Increment(ref reservations) > 1);
        HttpResponseMessage response;
        try
        {
            response = await PlaceAsync(client, first, 2, second, 1);
            await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal(2, (await inventory.BalanceAsync(first, "EU-1")).Reserved);
        }
        finally
        {
            fixture.Erp.End();
        }

        // Recovery passes run until the ERP is reachable again (the circuit breaker may still be open for a few seconds).
        var recovery = _stack.Process.Services.GetRequiredService<OrderRecovery>();
        var held = await Eventually.ReachesAsync(async () =>
        {
            await recovery.RecoverAsync(CancellationToken.None);
            return (await inventory.BalanceAsync(first, "EU-1")).Reserved;
        }, reserved => reserved == 0, TimeSpan.FromSeconds(20));

        Assert.Equal(0, held);
        Assert.Equal(0, (await inventory.BalanceAsync(second, "EU-1")).Reserved);
    }

    [Fact]
    public async Task TheSameOrderMayBeRetriedWithItsKeyOnceTheErpIsBack()
    {
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 5));
        var client = _stack.Process.Client(TestTokens.Storefront("outage-3"));
        fixture.Erp.Begin();
        try
        {
            await (await PlaceAsync(client, sku, 2, key: "retry-" + sku)).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            fixture.Erp.End();
        }

        // A client honouring Retry-After gets through once the circuit breaker lets calls pass again.
        var retried = await Eventually.ReachesAsync(() => PlaceAsync(client, sku, 2, key: "retry-" + sku),
            r => r.StatusCode != HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(1));

        await retried.JsonAsync(HttpStatusCode.Created);

        Assert.Equal(2, (await inventory.BalanceAsync(sku, "EU-1")).Reserved);
    }

    [Fact]
    public async Task ACartConfirmCutOffByAnErpOutageIsFinishedByRecoveryAndItsRetryGetsTheOrder()
    {
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 5));
        var client = _stack.Process.Client(TestTokens.Storefront("outage-4"));
        var cart = "cart-" + Guid.NewGuid().ToString("N")[..12];
        (await client.KeyedPostAsync($"/process/v1/carts/{cart}/holds", new { channel = "storefront", lines = new[] { new { sku, quantity = 2 } }, ttlSeconds = 600 }))
            .EnsureSuccessStatusCode();
        var key = "confirm-" + sku;
        var body = new { orderRef = "outage-cart" };
        // Whether the ERP moved the holds is unknown to the process: the transfer call is cut off.
        fixture.Erp.BeginWhen(request => request.RequestUri!.AbsolutePath == "/system/erp/v1/reservations/transfer");
        try
        {
            var cut = await client.KeyedPostAsync($"/process/v1/carts/{cart}/confirm", body, key);
            await cut.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "dependency-unavailable");
            Assert.NotNull(cut.Headers.RetryAfter);
            // The key stays in progress for recovery to finish, and the cart's units stay held.
            await (await client.KeyedPostAsync($"/process/v1/carts/{cart}/confirm", body, key)).AssertProblemAsync(HttpStatusCode.Conflict, "idempotency-key-in-progress");
            Assert.Equal(2, (await inventory.BalanceAsync(sku, "EU-1")).Reserved);
        }
        finally
        {
            fixture.Erp.End();
        }

        var recovery = _stack.Process.Services.GetRequiredService<OrderRecovery>();
        var retried = await Eventually.ReachesAsync(async () =>
        {
            await recovery.RecoverAsync(CancellationToken.None);
            return await client.KeyedPostAsync($"/process/v1/carts/{cart}/confirm", body, key);
        }, r => r.StatusCode == HttpStatusCode.Created, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(1));

        var order = await retried.JsonAsync(HttpStatusCode.Created);
        Assert.Equal("reserved", order.GetProperty("state").GetString());
        Assert.Equal(2, (await inventory.BalanceAsync(sku, "EU-1")).Reserved);
        await (await client.KeyedPostAsync($"/process/v1/orders/{order.GetProperty("id").GetString()}/cancel", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, (await inventory.BalanceAsync(sku, "EU-1")).Reserved);
    }

    private static Task<HttpResponseMessage> PlaceAsync(HttpClient client, string sku, int quantity, string? secondSku = null, int secondQuantity = 0, string? key = null)
    {
        var lines = secondSku is null
            ? new[] { new { sku, quantity } }
            : [new { sku, quantity }, new { sku = secondSku, quantity = secondQuantity }];
        var request = new HttpRequestMessage(HttpMethod.Post, "/process/v1/orders")
        {
            Content = JsonContent.Create(new { channel = "storefront", orderRef = "outage", lines, allowSplit = false }),
        };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }
}
