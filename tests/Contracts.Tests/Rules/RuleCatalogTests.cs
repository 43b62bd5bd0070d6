using System.Text.Json;
using System.Text.RegularExpressions;
using IntegrationGateway.Contracts.Tests.Cli;
using IntegrationGateway.Contracts.Tests.Diff;
using IntegrationGateway.Contracts.Tests.Lint;
using IntegrationGateway.ContractTool.Reports;
using IntegrationGateway.ContractTool.Rules;

namespace IntegrationGateway.Contracts.Tests.Rules;

public sealed partial class RuleCatalogTests
{
    [Fact]
    public async Task ListRulesPrintsEveryIdWithItsLevelAndDescription()
    {
        var run = await CliRun.RunAsync("diff", "--list-rules");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"{RuleCatalog.All.Count} rules", lines[^1]);
        Assert.Equal(RuleCatalog.All.Count, lines.Length - 1);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^INFO api-security-added +a security requirement alternative was added to an operation$"));
    }

    [Fact]
    public async Task ListRulesAsJsonIsReadableByTools()
    {
        var run = await CliRun.RunAsync("diff", "--list-rules", "--format", "json");

        using var json = JsonDocument.Parse(run.Output);
        var rules = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(RuleCatalog.All.Count, rules.Count);
        Assert.All(rules, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("description").GetString())));
    }

    [Theory]
    [InlineData("api-security-added", Level.Info)]
    [InlineData("api-global-security-added", Level.Info)]
    [InlineData("api-security-removed", Level.Info)]
    [InlineData("api-security-scope-added", Level.Info)]
    [InlineData("request-parameter-max-length-set", Level.Warn)]
    [InlineData("request-property-max-set", Level.Warn)]
    [InlineData("request-body-exclusive-min-set", Level.Warn)]
    [InlineData("response-property-pattern-removed", Level.Info)]
    [InlineData("response-optional-property-removed", Level.Warn)]
    [InlineData("response-body-one-of-added", Level.Err)]
    [InlineData("request-property-if-added", Level.Err)]
    [InlineData("webhook-removed", Level.Err)]
    public void LevelsAreOasdiffs(string id, Level level) => Assert.Equal(level, RuleCatalog.LevelOf(id));

    [Fact]
    public void TheIdOutsideOasdiffsCatalogueSaysWhy()
    {
        var rule = RuleCatalog.All.Single(r => r.Id == "request-body-enum-value-added");
        Assert.False(string.IsNullOrWhiteSpace(rule.Reason));
    }

    [Fact]
    public void TheReadmeStatesHowManyIdsTheToolKnows()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "README.md"));
        Assert.Contains($"{RuleCatalog.All.Count} oasdiff-compatible ids", readme);
        Assert.Contains($"{DiffCase.All().Count()} base/revision pairs", readme);
        Assert.Contains($"the {RuleCatalog.All.Count(r => r.Reason is not null)} ids or levels", readme);
    }

    [Fact]
    public void TheGovernanceLevelsFileNamesOnlyKnownIds()
    {
        var file = Path.Combine(RepositoryFiles.Root, "Contracts", "Tool", "governance-levels.txt");
        var levels = LevelOverrides.Parse(File.ReadAllLines(file), file);
        Assert.True(levels.Count > 0);
    }

    [Fact]
    public async Task TheCorpusSpansBothVersionsAndBothFormats()
    {
        var cases = DiffCase.All().ToList();
        var files = cases.SelectMany(c => Directory.GetFiles(c.Directory, "base.*")).ToList();
        Assert.Contains(files, f => f.EndsWith(".json", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".yaml", StringComparison.Ordinal));
        var texts = await Task.WhenAll(files.Select(f => File.ReadAllTextAsync(f)));
        Assert.Contains(texts, t => OpenApi30().IsMatch(t));
        Assert.Contains(texts, t => OpenApi31().IsMatch(t));
    }

    [GeneratedRegex(@"openapi""?\s*:\s*['""]?3\.0")]
    private static partial Regex OpenApi30();

    [GeneratedRegex(@"openapi""?\s*:\s*['""]?3\.1")]
    private static partial Regex OpenApi31();
}
