using IntegrationGateway.ContractTool.Reports;
using Microsoft.OpenApi;

namespace IntegrationGateway.ContractTool.Lint;

/// <summary>Checks a contract against the house rules; each finding has a stable id and level.</summary>
public static class Linter
{
    private static readonly Func<LintedOperation, IEnumerable<Finding>>[] OperationRuleSet =
    [
        OperationRules.Check,
        PathRules.Check,
        PaginationRule.Check,
        ExampleRule.Check,
        PropertyNameRule.CheckInline,
    ];

    public static IReadOnlyList<Finding> Lint(OpenApiDocument document) =>
    [
        .. LintedOperation.All(document).SelectMany(operation => OperationRuleSet.SelectMany(rule => rule(operation))),
        .. PropertyNameRule.CheckComponents(document),
    ];
}
