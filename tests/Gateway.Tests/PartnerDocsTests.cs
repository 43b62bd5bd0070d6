using System.Net;
using System.Text.Json;
using IntegrationGateway.TestSupport.Contracts;
using IntegrationGateway.TestSupport.Hosting;

namespace IntegrationGateway.Gateway.Tests;

public sealed class PartnerDocsTests(SqliteStackFixture fixture) : IClassFixture<SqliteStackFixture>
{
    [Fact]
    public async Task SwaggerUiListsEveryPublicVersionAndNoInternalApi()
    {
        var anonymous = fixture.Stack.Gateway.Client();
        var page = await anonymous.GetAsync("/swagger/index.html");
        var config = await anonymous.GetStringAsync("/swagger/index.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("\"Storefront v2\"", config);
        Assert.Contains("\"Storefront v1 (deprecated)\"", config);
        Assert.Contains("\"Marketplace v1\"", config);
        Assert.DoesNotContain("erp", config, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("process", config, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/swagger/erp-v1/swagger.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/swagger/inventory-v1/swagger.json")).StatusCode);
    }

    [Theory]
    [InlineData("storefront-v1", "experience-storefront-v1.json")]
    [InlineData("storefront-v2", "experience-storefront-v2.json")]
    [InlineData("marketplace-v1", "experience-marketplace-v1.json")]
    public async Task EachDocumentIsTheCheckedInContractWithBearerAuthorization(string name, string contract)
    {
        var json = await fixture.Stack.Gateway.Client().GetStringAsync($"/swagger/{name}/swagger.json");
        var document = JsonDocument.Parse(json).RootElement;

        Assert.Equal(JsonDocument.Parse(RepositoryFiles.Read(Path.Combine("openapi", contract))).RootElement.GetRawText(), document.GetRawText());
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.All(document.GetProperty("paths").EnumerateObject(), p => Assert.StartsWith($"/{name.Replace("-v", "/v")}/", p.Name));
    }

    [Fact]
    public async Task TryItFromTheDocumentWorksThroughTheGateway()
    {
        var sku = await fixture.Stack.Inventory().NewSkuAsync(("US-1", 3));
        var document = JsonDocument.Parse(await fixture.Stack.Gateway.Client().GetStringAsync("/swagger/storefront-v2/swagger.json")).RootElement;
        var path = document.GetProperty("paths").EnumerateObject().Single(p => p.Value.TryGetProperty("get", out var get) && get.GetProperty("operationId").GetString() == "GetStockLevel").Name;

        // No servers entry: Swagger UI sends try-it calls to the origin that served the document, this gateway.
        Assert.False(document.TryGetProperty("servers", out _));
        var response = await fixture.Stack.StorefrontClient("try-it").GetAsync(path.Replace("{sku}", sku));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task EverySchemaOfThePartnerDocumentsHasAnExample()
    {
        foreach (var name in new[] { "storefront-v1", "storefront-v2", "marketplace-v1", "b2b-v1" })
        {
            var document = JsonDocument.Parse(await fixture.Stack.Gateway.Client().GetStringAsync($"/swagger/{name}/swagger.json")).RootElement;
            var withoutExample = document.GetProperty("components").GetProperty("schemas").EnumerateObject()
                .Where(s => !s.Value.TryGetProperty("example", out _)).Select(s => s.Name).ToList();
            Assert.True(withoutExample.Count == 0, $"{name}: schemas without an example: {string.Join(", ", withoutExample)}");
        }
    }
}
