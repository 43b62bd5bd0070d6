using IntegrationGateway.ContractTool.Reports;

namespace IntegrationGateway.ContractTool.Diff;

/// <summary>Collects the findings of one operation ("GET /v1/items"), or of the whole document (empty name).</summary>
internal sealed class FindingSink(List<Finding> findings, string operation)
{
    public void Add(string id, Level level, string message) => findings.Add(new Finding(id, level, operation, message));
}
