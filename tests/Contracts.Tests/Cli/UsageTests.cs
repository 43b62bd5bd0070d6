namespace IntegrationGateway.Contracts.Tests.Cli;

public sealed class UsageTests
{
    [Theory]
    [InlineData]
    [InlineData("check", "a.json")]
    [InlineData("lint")]
    [InlineData("lint", "a.json", "--format")]
    [InlineData("lint", "a.json", "--format", "pdf")]
    [InlineData("lint", "a.json", "--levels", "levels.txt")]
    [InlineData("diff", "--list-rules", "a.json")]
    [InlineData("diff", "a.json", "b.json", "--levels")]
    [InlineData("lint", "a.json", "--format", "1")]
    [InlineData("lint", "a.json", "--fail-on", "WARN")]
    [InlineData("lint", "a.json", "--across-versions")]
    [InlineData("diff", "a.json")]
    [InlineData("diff", "a.json", "b.json", "c.json")]
    [InlineData("diff", "a.json", "b.json", "--fail-on", "INFO")]
    [InlineData("diff", "a.json", "b.json", "--fail-on=never")]
    [InlineData("diff", "a.json", "b.json", "--across-versions=yes")]
    [InlineData("diff", "a.json", "b.json", "--verbose")]
    public async Task AMalformedCommandLineExitsTwoWithTheUsage(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("usage: contract diff BASE REVISION", run.Error);
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public async Task HelpPrintsTheUsageAndExitsZero()
    {
        var run = await CliRun.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("contract lint FILE...", run.Output);
    }
}
