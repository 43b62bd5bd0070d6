using IntegrationGateway.Contracts.Tests.Lint;

namespace IntegrationGateway.Contracts.Tests.Cli;

public sealed class LintCommandTests : IDisposable
{
    private readonly TempContracts _files = new();

    [Fact]
    public async Task LintOfOurContractsExitsZero()
    {
        var run = await CliRun.RunAsync("lint",
            RepositoryFiles.Contract("system-erp-v1.json"),
            RepositoryFiles.Contract("process-inventory-v1.json"),
            RepositoryFiles.Contract("experience-storefront-v1.json"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public async Task LintOfTheBadContractExitsOne()
    {
        var run = await CliRun.RunAsync("lint", RepositoryFiles.BadContract);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("ERR  path-version-missing  DELETE /orders/{orderId}  ", run.Output);
        Assert.EndsWith("15 findings: 14 ERR, 1 WARN, 0 INFO" + Environment.NewLine, run.Output);
    }

    [Fact]
    public async Task WarningsAloneDoNotFailLint()
    {
        var contract = _files.Write("warn-only.yaml", """
            openapi: 3.0.4
            info: { title: warn only, version: "1.0" }
            paths:
              /shop/v1/orders/{id}/notes:
                put:
                  operationId: SetNotes
                  summary: Replaces the notes of an order.
                  parameters:
                    - { name: id, in: path, required: true, schema: { type: string } }
                  requestBody:
                    content:
                      application/json:
                        schema: { type: object, properties: { notes: { type: string } } }
                  responses:
                    "204": { description: Replaced. }
                    "404": { description: Not found., content: { application/problem+json: { schema: { type: object } } } }
            """);

        var run = await CliRun.RunAsync("lint", contract);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("WARN request-body-example-missing  PUT /shop/v1/orders/{id}/notes  ", run.Output);
    }

    [Fact]
    public async Task FindingsOfSeveralFilesNameTheirFile()
    {
        var erp = RepositoryFiles.Contract("system-erp-v1.json");

        var run = await CliRun.RunAsync("lint", erp, RepositoryFiles.BadContract);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"ERR  path-version-missing  {RepositoryFiles.BadContract}: DELETE /orders/{{orderId}}  ", run.Output);
        Assert.Contains($"ERR  property-not-camel-case  {RepositoryFiles.BadContract}  schema StockLevel", run.Output);
        Assert.DoesNotContain(erp, run.Output);
    }

    [Theory]
    [InlineData("missing.yaml", null)]
    [InlineData("not-yaml.yaml", "not: [valid")]
    [InlineData("not-json.json", "{\"openapi\": ")]
    [InlineData("no-version.json", "{}")]
    [InlineData("unknown-version.yaml", "openapi: hello")]
    public async Task AnUnreadableFileExitsTwoAndSaysWhich(string fileName, string? text)
    {
        var path = text is null ? Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}-{fileName}") : _files.Write(fileName, text);

        var run = await CliRun.RunAsync("lint", RepositoryFiles.BadContract, path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"cannot read {path}", run.Error);
        Assert.Equal(string.Empty, run.Output);
    }

    public void Dispose() => _files.Dispose();
}
