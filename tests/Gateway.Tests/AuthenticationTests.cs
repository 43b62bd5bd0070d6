using System.Net;
using System.Net.Http.Headers;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;

namespace IntegrationGateway.Gateway.Tests;

public sealed class AuthenticationTests(SqliteStackFixture fixture) : IClassFixture<SqliteStackFixture>
{
    private readonly Stack _stack = fixture.Stack;

    public static TheoryData<string, string?> RefusedTokens => new()
    {
        { "none", null },
        { "wrong signing key", TestTokens.For("c1", "storefront", TestTokens.StorefrontScopes, signingKey: "some-other-key-that-is-long-enough-0001") },
        { "expired", TestTokens.For("c1", "storefront", TestTokens.StorefrontScopes, lifetime: TimeSpan.FromMinutes(5), now: DateTimeOffset.UtcNow.AddHours(-1)) },
        { "wrong audience", TestTokens.For("c1", "storefront", TestTokens.StorefrontScopes, options: new AuthOptions { Audience = "someone-else" }) },
        { "wrong issuer", TestTokens.For("c1", "storefront", TestTokens.StorefrontScopes, options: new AuthOptions { Issuer = "https://evil.example" }) },
        { "alg none", TestTokens.Unsigned("c1") },
        { "not a token", "garbage" },
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task TheGatewayAnswers401ForAMissingOrInvalidToken(string why, string? token)
    {
        var response = await _stack.Gateway.Client(token).GetAsync("/storefront/v1/availability/ANY");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.False(string.IsNullOrEmpty(why));
    }

    [Fact]
    public async Task EachServiceBehindTheGatewayValidatesTheTokenToo()
    {
        var forged = TestTokens.For("c1", "storefront", TestTokens.StorefrontScopes, signingKey: "some-other-key-that-is-long-enough-0001");

        await (await _stack.Storefront.Client(forged).GetAsync("/storefront/v1/availability/ANY")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await _stack.Process.Client(forged).GetAsync("/process/v1/availability?channel=storefront&sku=ANY")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await _stack.Erp.Client(forged).GetAsync("/system/erp/v1/locations")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ATokenWithoutTheRouteScopeIs403()
    {
        var sku = await _stack.Inventory().NewSkuAsync(("EU-1", 5));
        var readOnly = _stack.Gateway.Client(TestTokens.For("reader", "storefront", Scopes.AvailabilityRead));

        await (await readOnly.PlaceOrderAsync(OrderRequests.Order((sku, 1)))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        Assert.Equal(0, (await _stack.Inventory().BalanceAsync(sku, "EU-1")).Reserved);
    }

    [Fact]
    public async Task AClientOfAnotherChannelIs403OnStorefrontRoutes()
    {
        var marketplace = _stack.Gateway.Client(TestTokens.For("mp-1", "marketplace", TestTokens.StorefrontScopes));

        await (await marketplace.GetAsync("/storefront/v1/availability/ANY")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await marketplace.PlaceOrderAsync(OrderRequests.Order(("ANY", 1)))).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnotherChannelCannotReadOrCancelAStorefrontOrderEvenBehindTheGateway()
    {
        var sku = await _stack.Inventory().NewSkuAsync(("EU-1", 5));
        var order = await (await _stack.StorefrontClient("owner").PlaceOrderAsync(OrderRequests.Order((sku, 1)))).JsonAsync(HttpStatusCode.Created);
        var id = order.GetProperty("id").GetString()!;
        var marketplace = _stack.Process.Client(TestTokens.For("mp-2", "marketplace", TestTokens.StorefrontScopes));

        await (await marketplace.GetAsync($"/process/v1/orders/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        using var cancel = new HttpRequestMessage(HttpMethod.Post, $"/process/v1/orders/{id}/cancel");
        cancel.Headers.Add("Idempotency-Key", "steal-1");
        await (await marketplace.SendAsync(cancel)).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(1, (await _stack.Inventory().BalanceAsync(sku, "EU-1")).Reserved);
    }

    [Fact]
    public async Task InternalApisNeedTheAdminScopeThroughTheGateway()
    {
        var storefront = _stack.StorefrontClient("curious");
        var admin = _stack.Gateway.Client(TestTokens.Admin());

        await (await storefront.GetAsync("/system/erp/v1/locations")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await storefront.GetAsync("/process/v1/availability?channel=storefront&sku=X")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/system/erp/v1/locations")).StatusCode);
    }

    [Fact]
    public async Task ARouteOutsideTheAllowListIsNotFound()
    {
        var admin = _stack.Gateway.Client(TestTokens.Admin());

        await (await admin.GetAsync("/system/wms/v1/anything")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync("/openapi/erp-v1.json")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheUnauthorizedAnswerNamesTheBearerScheme()
    {
        var response = await _stack.Gateway.Client().GetAsync("/storefront/v1/availability/ANY");

        Assert.Equal(new AuthenticationHeaderValue("Bearer"), response.Headers.WwwAuthenticate.Single());
    }
}
