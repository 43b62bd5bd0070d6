using System.Net;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;

namespace IntegrationGateway.Gateway.Tests;

public sealed class VersioningTests(SqliteStackFixture fixture) : IClassFixture<SqliteStackFixture>
{
    [Fact]
    public async Task AnUnknownVersionIs400NamingTheSupportedVersions()
    {
        var response = await fixture.Stack.StorefrontClient("versions-1").GetAsync("/storefront/v9/availability/ANY");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "unsupported-api-version");
        Assert.Equal(["1", "2"], problem.GetProperty("supportedVersions").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("1, 2", response.Headers.GetValues("api-supported-versions").Single());
    }

    [Fact]
    public async Task AnUnknownMarketplaceVersionIs400NamingItsSupportedVersions()
    {
        var response = await fixture.Stack.MarketplaceClient("versions-mp").GetAsync("/marketplace/v3/inventory-feed");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "unsupported-api-version");
        Assert.Equal(["1"], problem.GetProperty("supportedVersions").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task V1ResponsesCarryDeprecationSunsetAndTheirLinks()
    {
        var sku = await fixture.Stack.Inventory().NewSkuAsync(("EU-1", 1));

        var response = await fixture.Stack.StorefrontClient("versions-2").GetAsync($"/storefront/v1/availability/{sku}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // RFC 9745: a structured-field date, "@" and seconds since the epoch.
        Assert.Equal("@" + new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), response.Headers.GetValues("Deprecation").Single());
        // RFC 8594: an HTTP-date.
        Assert.Equal("Wed, 30 Jun 2027 00:00:00 GMT", response.Headers.GetValues("Sunset").Single());
        var links = string.Join(", ", response.Headers.GetValues("Link"));
        Assert.Contains("</swagger/index.html?urls.primaryName=Storefront%20v2>; rel=\"deprecation\"", links);
        Assert.Contains("rel=\"sunset\"", links);
        Assert.Equal("1", response.Headers.GetValues("api-deprecated-versions").Single());
        Assert.Equal("2", response.Headers.GetValues("api-supported-versions").Single());
    }

    [Fact]
    public async Task V2ServesAvailabilityPerLocationWithoutDeprecationHeaders()
    {
        var sku = await fixture.Stack.Inventory().NewSkuAsync(("EU-1", 4), ("US-1", 9));

        var response = await fixture.Stack.StorefrontClient("versions-3").GetAsync($"/storefront/v2/availability/{sku}");

        var level = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal((13, "in_stock"), (level.GetProperty("total").GetProperty("available").GetInt32(), level.GetProperty("total").GetProperty("status").GetString()));
        Assert.Equal(new Dictionary<string, int> { ["EU-1"] = 4, ["US-1"] = 9 },
            level.GetProperty("locations").EnumerateArray().ToDictionary(l => l.GetProperty("location").GetString()!, l => l.GetProperty("available").GetInt32()));
        Assert.False(response.Headers.Contains("Deprecation"));
        Assert.False(response.Headers.Contains("Sunset"));
    }

    [Fact]
    public async Task OrdersPlacedThroughV2AreTheSameOrdersV1Sees()
    {
        var sku = await fixture.Stack.Inventory().NewSkuAsync(("EU-1", 4));
        var client = fixture.Stack.StorefrontClient("versions-4");
        var request = new HttpRequestMessage(HttpMethod.Post, "/storefront/v2/orders")
        {
            Content = System.Net.Http.Json.JsonContent.Create(OrderRequests.Order((sku, 2))),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var placed = await (await client.SendAsync(request)).JsonAsync(HttpStatusCode.Created);
        var seen = await (await client.GetAsync($"/storefront/v1/orders/{placed.GetProperty("id").GetString()}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("reserved", seen.GetProperty("state").GetString());
    }
}
