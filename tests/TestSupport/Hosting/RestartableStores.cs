using IntegrationGateway.TestSupport.Postgres;
using Xunit;

namespace IntegrationGateway.TestSupport.Hosting;

/// <summary>
/// The store choice of a test class that starts its own <see cref="RestartableStack"/>: SQLite folders the stack makes
/// (no connection strings), or an ERP and a process database on a throwaway PostgreSQL cluster this class starts
/// when asked and stops after the test.
/// </summary>
public abstract class RestartableStores(bool onPostgres) : IAsyncLifetime
{
    private PostgresCluster? _cluster;

    /// <summary>The connection strings to start the stack with; null for SQLite.</summary>
    protected async Task<(string Erp, string Process)?> StoresAsync()
    {
        if (!onPostgres)
        {
            return null;
        }
        _cluster = await PostgresCluster.StartAsync().ConfigureAwait(false);
        return (await _cluster.CreateDatabaseAsync().ConfigureAwait(false), await _cluster.CreateDatabaseAsync().ConfigureAwait(false));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync().ConfigureAwait(false);
        }
    }
}
