namespace IntegrationGateway.ContractTool;

/// <summary>
/// contract diff BASE REVISION [--format text|markdown|json|junit] [--fail-on ERR|WARN]
/// contract lint FILE... [--format text|markdown|json|junit]
/// Exit codes: 0 clean, 1 findings at or above the failing level, 2 usage or unreadable input.
/// </summary>
public static class Cli
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        error.WriteLine("usage: contract diff BASE REVISION [--format text|markdown|json|junit] [--fail-on ERR|WARN] | contract lint FILE... [--format ...]");
        return Task.FromResult(2);
    }
}
