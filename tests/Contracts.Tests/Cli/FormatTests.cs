using System.Text.Json;
using System.Xml.Linq;
using IntegrationGateway.Contracts.Tests.Lint;

namespace IntegrationGateway.Contracts.Tests.Cli;

/// <summary>Every format is well-formed and carries the same findings: the bad contract's 15, or none.</summary>
public sealed class FormatTests : IDisposable
{
    private readonly TempContracts _files = new();

    [Fact]
    public async Task TextHasOneLinePerFindingThenTheCounts()
    {
        var run = await CliRun.RunAsync("lint", RepositoryFiles.BadContract, "--format", "text");

        var lines = run.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(16, lines.Length);
        Assert.All(lines[..14], line => Assert.StartsWith("ERR  ", line));
        Assert.StartsWith("WARN request-body-example-missing  POST /shop/v1/orders  ", lines[14]);
        Assert.Equal("15 findings: 14 ERR, 1 WARN, 0 INFO", lines[15]);
    }

    [Fact]
    public async Task JsonListsEveryFindingWithCamelCaseNamesAndCounts()
    {
        var run = await CliRun.RunAsync("lint", RepositoryFiles.BadContract, "--format=json");

        using var json = JsonDocument.Parse(run.Output);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(15, findings.Count);
        Assert.All(findings, f => Assert.Equal(["id", "level", "operation", "message"], f.EnumerateObject().Select(p => p.Name)));
        Assert.Equal("path-not-kebab-case", findings[0].GetProperty("id").GetString());
        Assert.Equal("GET /shop/v1/Stock_Levels", findings[0].GetProperty("operation").GetString());
        var counts = json.RootElement.GetProperty("counts");
        Assert.Equal((14, 1, 0), (counts.GetProperty("err").GetInt32(), counts.GetProperty("warn").GetInt32(), counts.GetProperty("info").GetInt32()));
    }

    [Fact]
    public async Task JunitHasOneSuiteAndAFailureForEachError()
    {
        var run = await CliRun.RunAsync("lint", RepositoryFiles.BadContract, "--format", "junit");

        var suite = Assert.Single(XDocument.Parse(run.Output).Descendants("testsuite"));
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(15, cases.Count);
        Assert.Equal(14, cases.Count(c => c.Element("failure") is not null));
        Assert.Equal(("15", "14"), ((string?)suite.Attribute("tests"), (string?)suite.Attribute("failures")));
    }

    [Fact]
    public async Task MarkdownHasAHeadingCountsAndATablePerLevel()
    {
        var run = await CliRun.RunAsync("lint", RepositoryFiles.BadContract, "--format", "markdown");

        Assert.StartsWith("## contract lint ", run.Output);
        Assert.Contains("**14** ERR | **1** WARN | **0** INFO", run.Output);
        Assert.Contains("### ERR (14): fails", run.Output);
        Assert.Contains("### WARN (1)" + Environment.NewLine, run.Output);
        Assert.Equal(2, CountOf(run.Output, "| Id | Operation | Message |"));
        Assert.Equal(15, run.Output.Split(Environment.NewLine).Count(line => line.StartsWith("| `", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("text", "No findings.")]
    [InlineData("markdown", "No findings.")]
    [InlineData("json", "\"findings\": []")]
    [InlineData("junit", "<testcase ")]
    public async Task ACleanRunSaysSoInEveryFormat(string format, string expected)
    {
        var run = await CliRun.RunAsync("lint", RepositoryFiles.Contract("system-erp-v1.json"), "--format", format);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(expected, run.Output);
        if (format == "junit")
        {
            var testCase = Assert.Single(XDocument.Parse(run.Output).Descendants("testcase"));
            Assert.Null(testCase.Element("failure"));
        }
    }

    [Theory]
    [InlineData("json")]
    [InlineData("junit")]
    [InlineData("markdown")]
    public async Task MarkupInAContractIsEscaped(string format)
    {
        var contract = _files.Write("markup.yaml", """
            openapi: 3.0.4
            info: { title: markup, version: "1.0" }
            paths: {}
            components:
              schemas:
                Odd:
                  type: object
                  properties:
                    "a<b>&\"c|d": { type: string }
            """);

        var run = await CliRun.RunAsync("lint", contract, "--format", format);

        Assert.Equal(1, run.ExitCode);
        var message = format switch
        {
            "json" => JsonDocument.Parse(run.Output).RootElement.GetProperty("findings")[0].GetProperty("message").GetString(),
            "junit" => (string?)XDocument.Parse(run.Output).Descendants("failure").Single().Attribute("message"),
            _ => run.Output.Split(Environment.NewLine).Single(line => line.StartsWith("| `", StringComparison.Ordinal)),
        };
        var expected = format == "markdown" ? "property 'a&lt;b>&\"c\\|d'" : "property 'a<b>&\"c|d'";
        Assert.Contains(expected, message);
    }

    public void Dispose() => _files.Dispose();

    private static int CountOf(string text, string part) => text.Split(part).Length - 1;
}
