using IntegrationGateway.ContractTool.Lint;
using IntegrationGateway.ContractTool.Loading;
using IntegrationGateway.ContractTool.Reports;

namespace IntegrationGateway.Contracts.Tests.Lint;

/// <summary>Corners the bad contract does not reach: OpenAPI 3.0 spellings and path-level parameters.</summary>
public sealed class RuleEdgeTests
{
    // One POST with a problem response; the placeholders take its path-level parameters and its request body.
    private const string Template = """
        {
          "openapi": "3.0.4",
          "info": { "title": "edge", "version": "1.0" },
          "paths": {
            "/shop/v1/orders": {
              "parameters": [PATH_PARAMETERS],
              "post": {
                "operationId": "PlaceOrder",
                "summary": "Places an order.",
                "requestBody": { "content": { "application/json": BODY } },
                "responses": {
                  "201": { "description": "Placed." },
                  "400": { "description": "Invalid.", "content": { "application/problem+json": { "schema": { "type": "object" } } } }
                }
              }
            }
          }
        }
        """;

    private const string Key = """{ "name": "Idempotency-Key", "in": "header", "required": true, "schema": { "type": "string" } }""";

    [Fact]
    public async Task AnOpenApi30SchemaExampleCountsAsARequestBodyExample()
    {
        var findings = await LintAsync(Key, """{ "schema": { "type": "object", "example": { "orderRef": "SF-1" } } }""");

        Assert.DoesNotContain(findings, f => f.Id == ExampleRule.RequestBodyExampleMissing);
    }

    [Fact]
    public async Task ARequestBodyWithoutAnyExampleIsAWarning()
    {
        var findings = await LintAsync(Key, """{ "schema": { "type": "object" } }""");

        Assert.Equal(ExampleRule.RequestBodyExampleMissing, Assert.Single(findings).Id);
    }

    [Fact]
    public async Task AnIdempotencyKeyDeclaredOnThePathCoversItsPost()
    {
        var findings = await LintAsync(Key, """{ "example": { "orderRef": "SF-1" } }""");

        Assert.Empty(findings);
    }

    private static async Task<IReadOnlyList<Finding>> LintAsync(string pathParameters, string body) =>
        Linter.Lint(await DocumentLoader.LoadTextAsync(Template.Replace("PATH_PARAMETERS", pathParameters).Replace("BODY", body)));
}
