using IntegrationGateway.TestSupport.Contracts;
using IntegrationGateway.TestSupport.Hosting;

namespace IntegrationGateway.SystemApis.Tests;

public sealed class ErpContractTests(ErpOnSqliteFixture fixture) : IClassFixture<ErpOnSqliteFixture>
{
    [Fact]
    public Task TheServedDocumentMatchesTheCheckedInContract() =>
        ContractDrift.AssertServedMatchesAsync(fixture.Erp.Client(), "/openapi/erp-v1.json", "system-erp-v1.json");
}
