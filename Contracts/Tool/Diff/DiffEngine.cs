using IntegrationGateway.ContractTool.Reports;
using Microsoft.OpenApi;

namespace IntegrationGateway.ContractTool.Diff;

/// <summary>Compares two OpenAPI documents by meaning and lists each change with a stable id and level.</summary>
public static class DiffEngine
{
    public static IReadOnlyList<Finding> Compare(OpenApiDocument @base, OpenApiDocument revision, DiffOptions? options = null) =>
        throw new NotSupportedException("The diff engine is being written.");
}
