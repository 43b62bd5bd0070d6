using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Postgres;
using Xunit;

namespace IntegrationGateway.TestSupport.Nats;

/// <summary>A private nats-server and the stack on it with the NATS transport, on SQLite. A missing nats-server fails the tests.</summary>
public sealed class NatsStackFixture : IAsyncLifetime
{
    public NatsServer Broker { get; private set; } = null!;

    public Stack Stack { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Broker = await NatsServer.StartAsync();
        Stack = Hosting.Stack.Start(new StackOptions { NatsUrl = Broker.Url });
    }

    public async Task DisposeAsync()
    {
        if (Stack is not null)
        {
            await Stack.DisposeAsync();
        }
        if (Broker is not null)
        {
            await Broker.DisposeAsync();
        }
    }
}

/// <summary>The same on a throwaway PostgreSQL cluster.</summary>
public sealed class NatsPostgresStackFixture : IAsyncLifetime
{
    private PostgresCluster? _cluster;

    public NatsServer Broker { get; private set; } = null!;

    public Stack Stack { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Broker = await NatsServer.StartAsync();
        _cluster = await PostgresCluster.StartAsync();
        var erp = await _cluster.CreateDatabaseAsync();
        var process = await _cluster.CreateDatabaseAsync();
        Stack = Hosting.Stack.Start(new StackOptions { Postgres = (erp, process), NatsUrl = Broker.Url });
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
        if (Broker is not null)
        {
            await Broker.DisposeAsync();
        }
    }
}
