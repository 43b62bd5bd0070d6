using IntegrationGateway.ContractTool.Diff;
using IntegrationGateway.ContractTool.Lint;
using IntegrationGateway.ContractTool.Loading;
using IntegrationGateway.ContractTool.Reports;
using IntegrationGateway.Contracts.Tests.Lint;

namespace IntegrationGateway.Contracts.Tests.Governance;

/// <summary>The CI gate, as a test: every released contract is still served compatibly within its major version.</summary>
public sealed class ReleasedContractsTests
{
    public static TheoryData<string> Released => new(Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "openapi", "released"), "*.json").Select(Path.GetFileName).OfType<string>());

    [Theory]
    [MemberData(nameof(Released))]
    public async Task NoReleasedContractHasABreakingChange(string contract)
    {
        var released = await DocumentLoader.LoadFileAsync(Path.Combine(RepositoryFiles.Root, "openapi", "released", contract));
        var current = await DocumentLoader.LoadFileAsync(RepositoryFiles.Contract(contract));

        var breaking = DiffEngine.Compare(released, current).Where(f => f.Level == Level.Err).ToList();

        Assert.True(breaking.Count == 0, $"{contract}: " + string.Join("; ", breaking.Select(f => $"{f.Id} {f.Operation}: {f.Message}")));
    }

    [Fact]
    public async Task StorefrontV2ListsItsBreakingChangesAgainstV1()
    {
        var v1 = await DocumentLoader.LoadFileAsync(RepositoryFiles.Contract("experience-storefront-v1.json"));
        var v2 = await DocumentLoader.LoadFileAsync(RepositoryFiles.Contract("experience-storefront-v2.json"));

        var breaking = DiffEngine.Compare(v1, v2).Where(f => f.Level == Level.Err).Select(f => $"{f.Id} {f.Operation} {f.Message}").ToList();

        // The availability answers moved available and status under total: both operations break, nothing else does.
        Assert.Equal(4, breaking.Count);
        Assert.All(breaking, b => Assert.Contains("/storefront/v2/availability", b));
        Assert.Contains(breaking, b => b.Contains("response-required-property-removed") && b.Contains("available") && b.Contains("GET /storefront/v2/availability/{sku}"));
        Assert.Contains(breaking, b => b.Contains("status") && b.Contains("GET /storefront/v2/availability "));
    }

    [Fact]
    public async Task EveryContractPassesTheHouseRules()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "openapi"), "*.json"))
        {
            var errors = Linter.Lint(await DocumentLoader.LoadFileAsync(file)).Where(f => f.Level == Level.Err).ToList();
            Assert.True(errors.Count == 0, $"{Path.GetFileName(file)}: " + string.Join("; ", errors.Select(f => $"{f.Id} {f.Operation}")));
        }
    }
}
