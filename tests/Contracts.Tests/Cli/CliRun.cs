namespace IntegrationGateway.Contracts.Tests.Cli;

/// <summary>One run of the contract tool in process, with what it wrote to each stream.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await ContractTool.Cli.RunAsync(args, output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
