using IntegrationGateway.TestSupport.Contracts;
using IntegrationGateway.TestSupport.Hosting;

namespace IntegrationGateway.ExperienceApis.Tests;

public sealed class StorefrontContractTests(SqliteStackFixture fixture) : IClassFixture<SqliteStackFixture>
{
    [Fact]
    public Task TheServedDocumentMatchesTheCheckedInContract() =>
        ContractDrift.AssertServedMatchesAsync(fixture.Stack.Storefront.Client(), "/openapi/storefront-v1.json", "experience-storefront-v1.json");
}
