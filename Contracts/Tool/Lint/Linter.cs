using IntegrationGateway.ContractTool.Reports;
using Microsoft.OpenApi;

namespace IntegrationGateway.ContractTool.Lint;

/// <summary>Checks a contract against the house rules; each finding has a stable id and level.</summary>
public static class Linter
{
    public static IReadOnlyList<Finding> Lint(OpenApiDocument document) =>
        throw new NotSupportedException("The linter is being written.");
}
