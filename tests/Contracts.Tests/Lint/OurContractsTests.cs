using IntegrationGateway.ContractTool.Lint;
using IntegrationGateway.ContractTool.Loading;
using IntegrationGateway.ContractTool.Reports;

namespace IntegrationGateway.Contracts.Tests.Lint;

public sealed class OurContractsTests
{
    [Theory]
    [InlineData("system-erp-v1.json")]
    [InlineData("process-inventory-v1.json")]
    [InlineData("experience-storefront-v1.json")]
    [InlineData("experience-marketplace-v1.json")]
    public async Task OurContractHasNoLintErrors(string contract)
    {
        var findings = Linter.Lint(await DocumentLoader.LoadFileAsync(RepositoryFiles.Contract(contract)));

        var errors = findings.Where(f => f.Level == Level.Err).Select(f => $"{f.Id} {f.Operation}: {f.Message}");
        Assert.Empty(errors);
    }
}
