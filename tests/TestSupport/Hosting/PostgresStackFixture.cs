using IntegrationGateway.TestSupport.Postgres;
using Xunit;

namespace IntegrationGateway.TestSupport.Hosting;

/// <summary>A throwaway PostgreSQL cluster and the stack on it. A missing server fails the tests; it never skips them.</summary>
public sealed class PostgresStackFixture : IAsyncLifetime
{
    private PostgresCluster? _cluster;

    public Stack Stack { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _cluster = await PostgresCluster.StartAsync();
        var erp = await _cluster.CreateDatabaseAsync();
        var process = await _cluster.CreateDatabaseAsync();
        Stack = Hosting.Stack.Start(new StackOptions { Postgres = (erp, process) });
    }

    public async Task DisposeAsync()
    {
        if (Stack is not null)
        {
            await Stack.DisposeAsync();
        }
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
