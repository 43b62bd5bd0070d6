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
        Assert.Equal(["1"], problem.GetProperty("supportedVersions").EnumerateArray().Select(v => v.GetString()));
        Assert.Contains("1", response.Headers.GetValues("api-supported-versions").Single());
    }

    [Fact]
    public async Task ResponsesReportTheSupportedVersions()
    {
        var sku = await fixture.Stack.Inventory().NewSkuAsync(("EU-1", 1));

        var response = await fixture.Stack.StorefrontClient("versions-2").GetAsync($"/storefront/v1/availability/{sku}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1", response.Headers.GetValues("api-supported-versions").Single());
    }
}
