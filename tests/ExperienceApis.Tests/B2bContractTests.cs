using IntegrationGateway.TestSupport.Contracts;
using IntegrationGateway.TestSupport.Hosting;

namespace IntegrationGateway.ExperienceApis.Tests;

public sealed class B2bContractTests(SqliteStackFixture fixture) : IClassFixture<SqliteStackFixture>
{
    [Fact]
    public Task TheServedDocumentMatchesTheCheckedInContract() =>
        ContractDrift.AssertServedMatchesAsync(fixture.Stack.Storefront.Client(), "/openapi/b2b-v1.json", "experience-b2b-v1.json");
}
