using IntegrationGateway.ContractTool.Lint;
using IntegrationGateway.ContractTool.Loading;
using IntegrationGateway.ContractTool.Reports;

namespace IntegrationGateway.Contracts.Tests.Lint;

public sealed class BadContractTests
{
    [Fact]
    public async Task EveryRuleFiresExactlyWhereTheBadContractBreaksIt()
    {
        var findings = Linter.Lint(await DocumentLoader.LoadFileAsync(RepositoryFiles.BadContract));

        string[] expected =
        [
            "ERR path-not-kebab-case GET /shop/v1/Stock_Levels",
            "ERR list-not-paginated GET /shop/v1/Stock_Levels",
            "ERR list-not-paginated GET /shop/v1/movements",
            "ERR operation-id-missing POST /shop/v1/orders",
            "ERR problem-response-missing POST /shop/v1/orders",
            "ERR idempotency-key-missing POST /shop/v1/orders",
            "ERR property-not-camel-case POST /shop/v1/orders",
            "ERR property-not-camel-case POST /shop/v1/orders",
            "WARN request-body-example-missing POST /shop/v1/orders",
            "ERR operation-summary-missing GET /shop/v1/orders/{orderId}",
            "ERR idempotency-key-missing POST /shop/v1/orders/{orderId}/cancel",
            "ERR problem-response-missing GET /shop/v1/locations/{code}",
            "ERR path-version-missing DELETE /orders/{orderId}",
            "ERR property-not-camel-case ",
            "ERR property-not-camel-case ",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), findings.Select(Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PropertyFindingsNameEachPropertyWhereItIsDefined()
    {
        var findings = Linter.Lint(await DocumentLoader.LoadFileAsync(RepositoryFiles.BadContract));

        string[] expected =
        [
            "POST /shop/v1/orders|request body (application/json): property 'order_ref' is not camelCase",
            "POST /shop/v1/orders|request body (application/json): property 'lines[].SKU' is not camelCase",
            "|schema StockLevel: property 'on_hand' is not camelCase",
            "|schema Order: property 'lines[].Quantity' is not camelCase",
        ];
        var actual = findings.Where(f => f.Id == PropertyNameRule.PropertyNotCamelCase).Select(f => $"{f.Operation}|{f.Message}");
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheBadContractCoversEveryRule()
    {
        string[] rules =
        [
            OperationRules.OperationIdMissing, OperationRules.OperationSummaryMissing, OperationRules.ProblemResponseMissing,
            OperationRules.IdempotencyKeyMissing, PathRules.PathVersionMissing, PathRules.PathNotKebabCase,
            PropertyNameRule.PropertyNotCamelCase, PaginationRule.ListNotPaginated, ExampleRule.RequestBodyExampleMissing,
        ];

        var findings = Linter.Lint(await DocumentLoader.LoadFileAsync(RepositoryFiles.BadContract));

        Assert.Empty(rules.Except(findings.Select(f => f.Id)));
    }

    private static string Key(Finding finding) => $"{finding.Level.Label()} {finding.Id} {finding.Operation}";
}
