using IntegrationGateway.TestSupport.Contracts;
using IntegrationGateway.TestSupport.Hosting;

namespace IntegrationGateway.SystemApis.Tests;

public sealed class ErpContractTests(ErpOnSqliteFixture fixture) : IClassFixture<ErpOnSqliteFixture>
{
    [Fact]
    public Task TheServedDocumentMatchesTheCheckedInContract() =>
        ContractDrift.AssertServedMatchesAsync(fixture.Erp.Client(), "/openapi/erp-v1.json", "system-erp-v1.json");

    /// <summary>The system host serves the WMS API beside the ERP; its document is held to its own contract.</summary>
    [Fact]
    public Task TheServedWmsDocumentMatchesTheCheckedInContract() =>
        ContractDrift.AssertServedMatchesAsync(fixture.Erp.Client(), "/openapi/wms-v1.json", "system-wms-v1.json");
}
