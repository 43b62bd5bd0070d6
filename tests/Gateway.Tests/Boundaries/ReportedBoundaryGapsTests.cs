using System.Net;
using System.Net.Http.Headers;
using System.Text;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;

namespace IntegrationGateway.Gateway.Tests.Boundaries;

/// <summary>
/// Each request the boundary review reproduced with one call (issue "Every boundary holds"), through the gateway:
/// refused with our own problem details, never 5xx, and nothing moved.
/// </summary>
public sealed class ReportedBoundaryGapsTests(SqliteStackFixture fixture) : IClassFixture<SqliteStackFixture>
{
    private readonly Stack _stack = fixture.Stack;

    [Fact]
    public async Task ADuplicatePropertyIsRefusedRatherThanTheLastOneWinning()
    {
        var sku = await _stack.Inventory().NewSkuAsync(("EU-1", 5));

        var response = await PostOrderAsync($$"""{"orderRef":"dup","lines":[{"sku":"{{sku}}","quantity":2147483647,"quantity":1}]}""");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        await AssertUntouchedAsync(sku);
    }

    [Theory]
    [InlineData("""{"orderRef":"s","lines":[{"sku":"SKU","quantity":"1"}]}""")]
    [InlineData("""{"orderRef":"s","lines":[{"sku":"SKU","quantity":1}]} trailing""")]
    [InlineData("""{"orderRef":"s","lines":[{"sku":"SKU","quantity":1,}]}""")]
    [InlineData("""{"orderRef":"s","lines":[{"sku":"SKU","quantity":1}] /* note */}""")]
    public async Task LenientJsonIsRefused(string template)
    {
        var sku = await _stack.Inventory().NewSkuAsync(("EU-1", 5));

        var response = await PostOrderAsync(template.Replace("SKU", sku, StringComparison.Ordinal));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        await AssertUntouchedAsync(sku);
    }

    [Fact]
    public async Task ANumberSentAsAStringNeverSetsOnHand()
    {
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 5));
        var admin = _stack.Gateway.Client(TestTokens.Admin());

        var response = await SendJsonAsync(admin, "/process/v1/stock-counts",
            $$"""{"sku":"{{sku}}","location":"EU-1","countedOnHand":"999000","referenceDocument":"CC-1"}""");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        Assert.Equal(5, (await inventory.BalanceAsync(sku, "EU-1")).OnHand);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("99")]
    [InlineData("\"0\"")]
    public async Task AnIntegerForAnEnumIsRefused(string type)
    {
        var inventory = _stack.Inventory();
        var sku = await inventory.NewSkuAsync(("EU-1", 5));
        var admin = _stack.Gateway.Client(TestTokens.Admin());

        var response = await SendJsonAsync(admin, "/system/erp/v1/movements", $$"""{"type":{{type}},"sku":"{{sku}}","location":"EU-1","quantity":4}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("type", problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(5, (await inventory.BalanceAsync(sku, "EU-1")).OnHand);
    }

    [Fact]
    public async Task ARepeatedIdempotencyKeyHeaderIsRefused()
    {
        var sku = await _stack.Inventory().NewSkuAsync(("EU-1", 5));
        using var request = OrderRequest($$"""{"orderRef":"twice","lines":[{"sku":"{{sku}}","quantity":1}]}""");
        request.Headers.TryAddWithoutValidation("Idempotency-Key", ["key-a", "key-b"]);

        var response = await _stack.StorefrontClient("twice").SendAsync(request);

        // HttpClient joins the two values into one field line ("key-a, key-b"), as many clients and proxies do.
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _), problem.GetRawText());
        await AssertUntouchedAsync(sku);
    }

    [Fact]
    public async Task ANonAsciiHeaderValueIs400NotABadGateway()
    {
        // HttpClient refuses such a value unless told how to encode it; connectors written in other stacks send it raw.
        using var client = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8, ActivityHeadersPropagator = null })
        {
            BaseAddress = _stack.Gateway.Client().BaseAddress,
        };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/storefront/v2/availability/SKU-0001");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Storefront("unicode-header"));
        request.Headers.TryAddWithoutValidation("X-Note", "ключ");

        var response = await client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
    }

    [Theory]
    [InlineData("/storefront/v2/availability/{0}")]
    [InlineData("/storefront/v1/availability?skus={0}")]
    [InlineData("/storefront/v2/orders/{0}")]
    public async Task AnOverlongIdentifierIs400NamingTheField(string template)
    {
        var response = await _stack.StorefrontClient("long-sku").GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, new string('S', 6600)));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task ASixtyFiveCharacterSkuIs400AtTheExperienceAndTheProcessApi()
    {
        var sku = new string('S', 65);

        await (await _stack.StorefrontClient("sku-65").GetAsync($"/storefront/v2/availability/{sku}")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        var process = _stack.Process.Client(TestTokens.Storefront("sku-65"));
        await (await process.GetAsync($"/process/v1/availability?channel=storefront&sku=S&cartId={new string('c', 49)}")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await process.GetAsync($"/process/v1/availability?channel=storefront&sku={sku}")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await _stack.StorefrontClient("sku-65").GetAsync($"/storefront/v1/availability?skus=SKU-0001,{new string('S', 300)}")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
    }

    [Theory]
    [InlineData("application/json; charset=klingon")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("text/plain")]
    public async Task AnUnknownCharsetOrMediaTypeIs415WithOurType(string contentType)
    {
        var sku = await _stack.Inventory().NewSkuAsync(("EU-1", 5));
        using var request = OrderRequest($$"""{"orderRef":"cs","lines":[{"sku":"{{sku}}","quantity":1}]}""");
        request.Content!.Headers.Remove("Content-Type");
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await _stack.StorefrontClient("charset").SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        await AssertUntouchedAsync(sku);
    }

    [Fact]
    public async Task ABodyThatIsNotUtf8IsRefused()
    {
        var sku = await _stack.Inventory().NewSkuAsync(("EU-1", 5));
        var bytes = Encoding.UTF8.GetBytes($$"""{"orderRef":"X","lines":[{"sku":"{{sku}}","quantity":1}]}""");
        bytes[13] = 0xFF;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/storefront/v2/orders") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var response = await _stack.StorefrontClient("latin1").SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        await AssertUntouchedAsync(sku);
    }

    [Fact]
    public async Task ANonAsciiMarketplaceOrderIdIsPlacedOnceNotAnOutage()
    {
        var sku = await _stack.Inventory().NewSkuAsync(("EU-1", 5));
        var marketplace = _stack.MarketplaceClient("unicode-order");
        var body = $$"""{"marketplaceOrderId":"заказ-1","lines":[{"sku":"{{sku}}","quantity":1}]}""";

        var first = await SendJsonAsync(marketplace, "/marketplace/v1/orders", body);
        var again = await SendJsonAsync(marketplace, "/marketplace/v1/orders", body);

        Assert.True(first.StatusCode == HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        Assert.True(again.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await again.Content.ReadAsStringAsync());
        Assert.Equal(1, (await _stack.Inventory().BalanceAsync(sku, "EU-1")).Reserved);
    }

    [Theory]
    [InlineData("store\0front")]
    [InlineData("../storefront")]
    [InlineData("")]
    public async Task AChannelClaimThatIsNoChannelIdIs403(string channel)
    {
        var client = _stack.Gateway.Client(TestTokens.For("odd-channel", channel, TestTokens.StorefrontScopes));

        var response = await client.GetAsync("/storefront/v2/availability/SKU-0001");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task ARelayedRefusalNamesTheCallersPathNotTheProcessApis()
    {
        var response = await _stack.StorefrontClient("instance").GetAsync("/storefront/v2/orders/ord_nothing_here");

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("/storefront/v2/orders/ord_nothing_here", problem.GetProperty("instance").GetString());
        Assert.DoesNotContain("/process/", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongTypeInAListNamesTheFieldAndNoDotNetType()
    {
        var b2b = _stack.Gateway.Client(TestTokens.For("types", "b2b", TestTokens.StorefrontScopes));

        var response = await SendJsonAsync(b2b, "/b2b/v1/availability/query", """{"skus":"SKU-0001"}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        var text = problem.GetRawText();
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("`1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("IntegrationGateway", text, StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty("skus", out _), text);
    }

    [Fact]
    public async Task TheServersOwn415AndMethodRefusalsCarryOurTypes()
    {
        var client = _stack.StorefrontClient("framework");

        var wrongMethod = await client.DeleteAsync("/storefront/v2/availability/SKU-0001");

        Assert.True((int)wrongMethod.StatusCode is 404 or 405, $"got {(int)wrongMethod.StatusCode}");
        var problem = await wrongMethod.AssertProblemAsync(wrongMethod.StatusCode);
        Assert.StartsWith("https://integration-gateway.dev/problems/", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task AnOverlongUrlAndOversizedHeadersAreProblemDetails()
    {
        var client = _stack.StorefrontClient("big");

        var longUrl = await client.GetAsync("/storefront/v2/availability/" + new string('x', 9000));
        using var bigHeaders = new HttpRequestMessage(HttpMethod.Get, "/storefront/v2/availability/SKU-0001");
        bigHeaders.Headers.TryAddWithoutValidation("X-Padding", new string('p', 20_000));
        var headers = await client.SendAsync(bigHeaders);

        await longUrl.AssertProblemAsync(HttpStatusCode.RequestUriTooLong, "uri-too-long");
        await headers.AssertProblemAsync(HttpStatusCode.RequestHeaderFieldsTooLarge, "headers-too-large");
    }

    private Task<HttpResponseMessage> PostOrderAsync(string body) =>
        SendJsonAsync(_stack.StorefrontClient("strict-json"), "/storefront/v2/orders", body);

    private static async Task<HttpResponseMessage> SendJsonAsync(HttpClient client, string path, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    private static HttpRequestMessage OrderRequest(string body) =>
        new(HttpMethod.Post, "/storefront/v2/orders") { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private async Task AssertUntouchedAsync(string sku)
    {
        var balance = await _stack.Inventory().BalanceAsync(sku, "EU-1");
        Assert.Equal((5, 0), (balance.OnHand, balance.Reserved));
    }
}
