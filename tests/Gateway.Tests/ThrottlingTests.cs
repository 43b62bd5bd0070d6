using System.Net;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;
using Xunit.Abstractions;

namespace IntegrationGateway.Gateway.Tests;

/// <summary>A stack whose storefront read route allows a burst of 5 per client, refilled once a minute.</summary>
public sealed class ThrottledStackFixture : IAsyncLifetime
{
    public Stack Stack { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Stack = Stack.Start(new StackOptions
        {
            GatewaySettings = new Dictionary<string, string?>
            {
                ["RateLimits:storefront-read:TokenLimit"] = "5",
                ["RateLimits:storefront-read:TokensPerPeriod"] = "1",
                ["RateLimits:storefront-read:PeriodSeconds"] = "60",
            },
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Stack.DisposeAsync();
}

public sealed class ThrottlingTests(ThrottledStackFixture fixture, ITestOutputHelper output) : IClassFixture<ThrottledStackFixture>
{
    [Fact]
    public async Task AClientPastItsBurstGets429WithRetryAfterWhileOtherClientsAreServed()
    {
        var sku = await fixture.Stack.Inventory().NewSkuAsync(("EU-1", 1));
        var greedy = fixture.Stack.StorefrontClient("greedy");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 8; i++)
        {
            answers.Add(await greedy.GetAsync($"/storefront/v1/availability/{sku}"));
        }

        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        var refused = answers.Last();
        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "429 carries Retry-After in seconds.");
        output.WriteLine($"Retry-After: {refused.Headers.RetryAfter}");
        Assert.Equal(HttpStatusCode.OK, (await fixture.Stack.StorefrontClient("patient").GetAsync($"/storefront/v1/availability/{sku}")).StatusCode);
    }

    [Fact]
    public async Task AnonymousCallsAreRefusedBeforeTheySpendAnyonesPermits()
    {
        var anonymous = fixture.Stack.Gateway.Client();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/storefront/v1/availability/ANY")).StatusCode);
        }
    }
}
