using System.Net;
using System.Text;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;

namespace IntegrationGateway.Gateway.Tests;

public sealed class BadInputTests(SqliteStackFixture fixture) : IClassFixture<SqliteStackFixture>
{
    private readonly Stack _stack = fixture.Stack;

    public static TheoryData<string, Func<string, object>> InvalidOrders => new()
    {
        { "zero quantity", sku => OrderRequests.Order((sku, 0)) },
        { "negative quantity", sku => OrderRequests.Order((sku, -3)) },
        { "no lines", _ => OrderRequests.Order() },
        { "101 lines", sku => OrderRequests.Order(Enumerable.Range(0, 101).Select(_ => (sku, 1)).ToArray()) },
        { "unknown SKU", sku => OrderRequests.Order((sku, 1), ("NO-SUCH-SKU-" + sku, 1)) },
        { "missing orderRef", sku => new { lines = new[] { new { sku, quantity = 1 } } } },
        { "blank SKU", sku => OrderRequests.Order((sku, 1), ("", 1)) },
    };

    [Theory]
    [MemberData(nameof(InvalidOrders))]
    public async Task AnInvalidOrderIs400ProblemDetailsAndReservesNothing(string why, Func<string, object> order)
    {
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 5));

        var response = await _stack.StorefrontClient("bad-input").PlaceOrderAsync(order(sku));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out _), $"{why}: a validation problem names the failing fields.");
        Assert.Equal(0, (await inventory.BalanceAsync(sku, "EU-1")).Reserved);
    }

    [Fact]
    public async Task MalformedJsonIs400ProblemDetails()
    {
        var response = await Send("{\"orderRef\": \"x\", \"lines\": [", "application/json");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
    }

    [Fact]
    public async Task AOneMegabyteBodyIsRefusedWith413BeforeAnythingReadsIt()
    {
        var huge = "{\"orderRef\":\"" + new string('x', 1024 * 1024) + "\",\"lines\":[]}";

        var response = await Send(huge, "application/json");

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [Fact]
    public async Task AnOrderWithoutAnIdempotencyKeyIs400AndReservesNothing()
    {
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 5));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/storefront/v1/orders")
        {
            Content = System.Net.Http.Json.JsonContent.Create(OrderRequests.Order((sku, 1))),
        };

        var response = await _stack.StorefrontClient("no-key").SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "idempotency-key-missing");
        Assert.Equal(0, (await inventory.BalanceAsync(sku, "EU-1")).Reserved);
    }

    [Fact]
    public async Task AnUnknownSkuIs404ProblemDetails()
    {
        await (await _stack.StorefrontClient("unknown").GetAsync("/storefront/v1/availability/NO-SUCH-SKU")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task TooManySkusInOneAvailabilityQueryIs400()
    {
        var skus = string.Join(",", Enumerable.Range(0, 101).Select(i => $"S{i}"));

        await (await _stack.StorefrontClient("many").GetAsync($"/storefront/v1/availability?skus={skus}")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task CancellingAnUnknownOrderIs404()
    {
        await (await _stack.StorefrontClient("cancel-unknown").CancelOrderAsync("ord_nope")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private Task<HttpResponseMessage> Send(string body, string mediaType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/storefront/v1/orders") { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return _stack.StorefrontClient("malformed").SendAsync(request);
    }
}
