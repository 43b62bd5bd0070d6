using Xunit;

namespace IntegrationGateway.TestSupport.Hosting;

/// <summary>One stack on SQLite shared by a test class; each test makes its own SKUs and clients.</summary>
public sealed class SqliteStackFixture : IAsyncLifetime
{
    public Stack Stack { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Stack = Hosting.Stack.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Stack.DisposeAsync();
}
