using System.Net;
using System.Text.Json;
using IntegrationGateway.TestSupport.Hosting;

namespace IntegrationGateway.Gateway.Tests;

public sealed class PartnerDocsTests(SqliteStackFixture fixture) : IClassFixture<SqliteStackFixture>
{
    [Fact]
    public async Task SwaggerUiIsServedAtTheGatewayWithoutAToken()
    {
        var page = await fixture.Stack.Gateway.Client().GetAsync("/swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("swagger-ui", await page.Content.ReadAsStringAsync());
        var config = await fixture.Stack.Gateway.Client().GetStringAsync("/swagger/index.js");
        Assert.Contains("/swagger/storefront-v1/swagger.json", config);
    }

    [Fact]
    public async Task TheStorefrontDocumentListsOnlyPublicStorefrontRoutesAndOffersBearerAuthorization()
    {
        var json = await fixture.Stack.Gateway.Client().GetStringAsync("/swagger/storefront-v1/swagger.json");
        var document = JsonDocument.Parse(json).RootElement;

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.NotEmpty(paths);
        Assert.All(paths, p => Assert.StartsWith("/storefront/v1/", p));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
    }
}
