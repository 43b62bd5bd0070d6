using IntegrationGateway.TestSupport.Contracts;
using IntegrationGateway.TestSupport.Hosting;

namespace IntegrationGateway.ExperienceApis.Tests;

public sealed class StorefrontContractTests(SqliteStackFixture fixture) : IClassFixture<SqliteStackFixture>
{
    [Fact]
    public Task TheServedDocumentMatchesTheCheckedInContract() =>
        ContractDrift.AssertServedMatchesAsync(fixture.Stack.Storefront.Client(), "/openapi/storefront-v1.json", "experience-storefront-v1.json");
}

public sealed class StorefrontV2ContractTests(SqliteStackFixture fixture) : IClassFixture<SqliteStackFixture>
{
    [Fact]
    public Task TheServedDocumentMatchesTheCheckedInContract() =>
        ContractDrift.AssertServedMatchesAsync(fixture.Stack.Storefront.Client(), "/openapi/storefront-v2.json", "experience-storefront-v2.json");
}

public sealed class MarketplaceContractTests(SqliteStackFixture fixture) : IClassFixture<SqliteStackFixture>
{
    [Fact]
    public Task TheServedDocumentMatchesTheCheckedInContract() =>
        ContractDrift.AssertServedMatchesAsync(fixture.Stack.Storefront.Client(), "/openapi/marketplace-v1.json", "experience-marketplace-v1.json");
}
