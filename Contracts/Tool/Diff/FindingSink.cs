using IntegrationGateway.ContractTool.Reports;
using IntegrationGateway.ContractTool.Rules;

namespace IntegrationGateway.ContractTool.Diff;

/// <summary>
/// Collects the findings of one operation ("GET /v1/items"), or of the whole document (empty name). Checks name
/// the id only; its level is the catalogue's, and an id missing from the catalogue throws.
/// </summary>
internal sealed class FindingSink(List<Finding> findings, string operation)
{
    public void Add(string id, string message) => findings.Add(new Finding(id, RuleCatalog.LevelOf(id), operation, message));

    /// <summary>Adds the finding only when oasdiff names such a change (the catalogue has the id).</summary>
    public void AddIfKnown(string id, string message)
    {
        if (RuleCatalog.Contains(id))
        {
            Add(id, message);
        }
    }
}
