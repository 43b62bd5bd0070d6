using IntegrationGateway.ContractTool.Diff;
using IntegrationGateway.ContractTool.Loading;
using IntegrationGateway.ContractTool.Reports;

namespace IntegrationGateway.Contracts.Tests.Diff;

public sealed class DiffEngineTests
{
    [Fact]
    public async Task EveryContractComparedWithItselfHasNoFindings()
    {
        var contracts = Directory.GetFiles(Path.Combine(Lint.RepositoryFiles.Root, "openapi"), "*.json");
        Assert.NotEmpty(contracts);
        foreach (var file in contracts)
        {
            var findings = DiffEngine.Compare(await DocumentLoader.LoadFileAsync(file), await DocumentLoader.LoadFileAsync(file));
            Assert.True(findings.Count == 0, $"{Path.GetFileName(file)}: {string.Join("; ", findings)}");
        }
    }

    [Fact]
    public async Task FindingsAreOrderedByOperationThenIdThenMessage()
    {
        var @case = Case("044-shared-schema-reaches-every-operation");
        var findings = await @case.RunAsync();
        var ordered = findings
            .OrderBy(f => f.Operation, StringComparer.Ordinal)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal);
        Assert.Equal(ordered, findings);
    }

    [Fact]
    public async Task MessagesNameTheNestedPropertyPath()
    {
        var @case = Case("034-request-property-type-changed-in-array");
        var finding = (await @case.RunAsync()).Single(f => f.Level == Level.Err);
        Assert.Equal("POST /v1/orders", finding.Operation);
        Assert.Contains("lines[].quantity", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovalBeforeSunsetIsJudgedAgainstTheGivenDay()
    {
        var @case = Case("010-path-removed-before-sunset");
        var @base = await DocumentLoader.LoadFileAsync(Path.Combine(@case.Directory, "base.yaml"));
        var revision = await DocumentLoader.LoadFileAsync(Path.Combine(@case.Directory, "revision.yaml"));

        var before = DiffEngine.Compare(@base, revision, new DiffOptions { Today = new DateOnly(2025, 12, 31) });
        var onTheDay = DiffEngine.Compare(@base, revision, new DiffOptions { Today = new DateOnly(2026, 1, 1) });

        Assert.Equal("api-path-removed-before-sunset", Assert.Single(before).Id);
        Assert.Equal("api-path-removed-with-deprecation", Assert.Single(onTheDay).Id);
    }

    private static DiffCase Case(string name) => DiffCase.All().Single(c => c.Name == name);
}
