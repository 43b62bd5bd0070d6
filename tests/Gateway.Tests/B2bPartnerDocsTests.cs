using System.Text.Json;
using IntegrationGateway.TestSupport.Contracts;
using IntegrationGateway.TestSupport.Hosting;

namespace IntegrationGateway.Gateway.Tests;

public sealed class B2bPartnerDocsTests(SqliteStackFixture fixture) : IClassFixture<SqliteStackFixture>
{
    [Fact]
    public async Task TheB2bDocumentIsListedAndIsTheCheckedInContract()
    {
        var anonymous = fixture.Stack.Gateway.Client();
        var config = await anonymous.GetStringAsync("/swagger/index.js");
        var document = JsonDocument.Parse(await anonymous.GetStringAsync("/swagger/b2b-v1/swagger.json")).RootElement;

        Assert.Contains("\"B2B v1\"", config);
        Assert.Equal(JsonDocument.Parse(RepositoryFiles.Read(Path.Combine("openapi", "experience-b2b-v1.json"))).RootElement.GetRawText(), document.GetRawText());
    }
}
