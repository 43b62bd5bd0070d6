using IntegrationGateway.TestSupport.Postgres;

namespace IntegrationGateway.ProcessApis.Tests.Webhooks;

/// <summary>The webhook stack on SQLite files, shared by a test class.</summary>
public sealed class WebhookStackFixture : IAsyncLifetime
{
    public WebhookStack Hooks { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Hooks = WebhookStack.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Hooks.DisposeAsync();
}

/// <summary>The webhook stack on a throwaway PostgreSQL cluster. A missing server fails the tests; it never skips them.</summary>
public sealed class PostgresWebhookStackFixture : IAsyncLifetime
{
    private PostgresCluster? _cluster;

    public WebhookStack Hooks { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _cluster = await PostgresCluster.StartAsync();
        Hooks = WebhookStack.Start((await _cluster.CreateDatabaseAsync(), await _cluster.CreateDatabaseAsync()));
    }

    public async Task DisposeAsync()
    {
        if (Hooks is not null)
        {
            await Hooks.DisposeAsync();
        }
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
