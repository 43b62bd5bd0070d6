using IntegrationGateway.ContractTool.Diff;
using IntegrationGateway.ContractTool.Loading;
using Microsoft.OpenApi;
using Xunit;

namespace IntegrationGateway.TestSupport.Contracts;

/// <summary>
/// The document a running service serves must mean the same as its checked-in contract. "The same" is the
/// contract tool's diff: any change it reports, at any level, is drift; operationIds must match too, since
/// generated clients are named after them.
/// </summary>
public static class ContractDrift
{
    public static async Task AssertServedMatchesAsync(HttpClient service, string servedPath, string contractFile)
    {
        var served = await DocumentLoader.LoadTextAsync(await service.GetStringAsync(servedPath), servedPath);
        var contract = await DocumentLoader.LoadTextAsync(RepositoryFiles.Read(Path.Combine("openapi", contractFile)), contractFile);

        var differences = DiffEngine.Compare(contract, served, new DiffOptions { AcrossVersions = false })
            .Select(f => $"{f.Level} {f.Id} {f.Operation}: {f.Message}")
            .Concat(OperationIdDifferences(contract, served))
            .ToList();

        Assert.True(differences.Count == 0,
            $"{servedPath} drifted from openapi/{contractFile}:\n  " + string.Join("\n  ", differences));
    }

    private static IEnumerable<string> OperationIdDifferences(OpenApiDocument contract, OpenApiDocument served)
    {
        var servedIds = OperationIds(served);
        foreach (var (operation, id) in OperationIds(contract))
        {
            if (servedIds.TryGetValue(operation, out var servedId) && servedId != id)
            {
                yield return $"operationId {operation}: '{id}' in the contract, '{servedId}' served";
            }
        }
    }

    private static Dictionary<string, string?> OperationIds(OpenApiDocument document) =>
        (document.Paths ?? new OpenApiPaths())
            .SelectMany(path => (path.Value.Operations ?? new Dictionary<HttpMethod, OpenApiOperation>())
                .Select(op => ($"{op.Key.Method.ToUpperInvariant()} {path.Key}", op.Value.OperationId)))
            .ToDictionary(p => p.Item1, p => p.Item2);
}
