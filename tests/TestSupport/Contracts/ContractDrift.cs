using Xunit;

namespace IntegrationGateway.TestSupport.Contracts;

/// <summary>The document a running service serves must mean the same as its checked-in contract.</summary>
public static class ContractDrift
{
    public static async Task AssertServedMatchesAsync(HttpClient service, string servedPath, string contractFile)
    {
        var served = await service.GetStringAsync(servedPath);
        var contract = RepositoryFiles.Read(Path.Combine("openapi", contractFile));

        var differences = OpenApiComparison.Differences(contract, served);

        Assert.True(differences.Count == 0,
            $"{servedPath} drifted from openapi/{contractFile}:\n  " + string.Join("\n  ", differences));
    }
}
