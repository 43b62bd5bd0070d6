using Xunit;

namespace IntegrationGateway.TestSupport.Postgres;

/// <summary>
/// One cluster per test collection: starting PostgreSQL costs about a second, a database far less,
/// so tests isolate themselves with <see cref="CreateDatabaseAsync"/> rather than with clusters.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresCluster? _cluster;

    public PostgresCluster Cluster =>
        _cluster ?? throw new InvalidOperationException(
            "The PostgreSQL cluster is not running: it starts in InitializeAsync and stops in DisposeAsync.");

    public Task<string> CreateDatabaseAsync() => Cluster.CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        _cluster = await PostgresCluster.StartAsync().ConfigureAwait(false);
    }

    public async Task DisposeAsync()
    {
        var cluster = Interlocked.Exchange(ref _cluster, null);
        if (cluster is not null)
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
        }
    }
}
