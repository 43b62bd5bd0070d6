using IntegrationGateway.TestSupport.Contracts;
using IntegrationGateway.TestSupport.Hosting;

namespace IntegrationGateway.ProcessApis.Tests;

public sealed class ProcessContractTests(SqliteStackFixture fixture) : IClassFixture<SqliteStackFixture>
{
    [Fact]
    public Task TheServedDocumentMatchesTheCheckedInContract() =>
        ContractDrift.AssertServedMatchesAsync(fixture.Stack.Process.Client(), "/openapi/inventory-v1.json", "process-inventory-v1.json");
}
