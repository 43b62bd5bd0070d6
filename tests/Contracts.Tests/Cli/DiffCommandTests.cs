using System.Text.Json;
using System.Xml.Linq;

namespace IntegrationGateway.Contracts.Tests.Cli;

/// <summary>
/// The diff command around the engine: two tiny contracts, one losing a path, which any engine must call breaking.
/// Only exit codes and the shape of each format are asserted; the engine's own tests own its ids and wording.
/// </summary>
public sealed class DiffCommandTests : IDisposable
{
    private const string Base = """
        openapi: 3.0.4
        info: { title: tiny, version: "1.0" }
        paths:
          /shop/v1/orders/{id}:
            get:
              operationId: GetOrder
              summary: Reads one order.
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                "200": { description: The order., content: { application/json: { schema: { type: object } } } }
          /shop/v1/items/{sku}:
            get:
              operationId: GetItem
              summary: Reads one item.
              parameters:
                - { name: sku, in: path, required: true, schema: { type: string } }
              responses:
                "200": { description: The item., content: { application/json: { schema: { type: object } } } }
        """;

    private readonly TempContracts _files = new();
    private readonly string _base;
    private readonly string _revision;

    public DiffCommandTests()
    {
        _base = _files.Write("base.yaml", Base);
        var removed = Base[..Base.IndexOf("  /shop/v1/items/{sku}:", StringComparison.Ordinal)];
        _revision = _files.Write("revision.yaml", removed);
    }

    [Fact]
    public async Task AContractComparedWithItselfExitsZero()
    {
        var run = await CliRun.RunAsync("diff", _base, _base);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("No changes.", run.Output);
    }

    [Fact]
    public async Task ARemovedPathIsAnErrorAndExitsOne()
    {
        var run = await CliRun.RunAsync("diff", _base, _revision, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("level").GetString() == "ERR");
        Assert.True(json.RootElement.GetProperty("counts").GetProperty("err").GetInt32() > 0);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("markdown")]
    [InlineData("junit")]
    [InlineData("html")]
    [InlineData("githubactions")]
    public async Task EveryFormatReportsTheBreakingChange(string format)
    {
        var run = await CliRun.RunAsync("diff", _base, _revision, "--format", format, "--fail-on", "WARN", "--across-versions");

        Assert.Equal(1, run.ExitCode);
        switch (format)
        {
            case "text":
                Assert.Contains(run.Output.Split(Environment.NewLine), line => line.StartsWith("ERR  ", StringComparison.Ordinal));
                break;
            case "markdown":
                Assert.Contains("### ERR (", run.Output);
                break;
            case "html":
                Assert.StartsWith("<!DOCTYPE html>", run.Output);
                Assert.Contains("<td class=\"ERR\">ERR</td><td><code>api-path-removed-without-deprecation</code></td>", run.Output);
                break;
            case "githubactions":
                Assert.Contains(run.Output.Split(Environment.NewLine), line => line.StartsWith("::error title=api-path-removed-without-deprecation::GET /shop/v1/items/{sku}: ", StringComparison.Ordinal));
                break;
            default:
                Assert.NotEmpty(Assert.Single(XDocument.Parse(run.Output).Descendants("testsuite")).Descendants("failure"));
                break;
        }
    }

    [Fact]
    public async Task AnUnreadableRevisionExitsTwo()
    {
        var run = await CliRun.RunAsync("diff", _base, _files.Write("broken.json", "{"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("broken.json", run.Error);
    }

    public void Dispose() => _files.Dispose();
}
