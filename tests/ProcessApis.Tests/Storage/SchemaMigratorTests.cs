using Dapper;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.TestSupport.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IntegrationGateway.ProcessApis.Tests.Storage;

/// <summary>
/// Instances of a service starting at once against a fresh database (two process API instances on one PostgreSQL,
/// say): each comes up, and every script is applied exactly once.
/// </summary>
public sealed class SchemaMigratorTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const int Instances = 4;

    [Fact]
    public async Task Instances_starting_at_once_on_a_fresh_postgres_database_apply_each_script_once()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await MigrateAtOnceAsync(SqlProvider.Postgres, connectionString);
        await AssertEachScriptOnceAsync(SqlProvider.Postgres, connectionString);
    }

    [Fact]
    public async Task Instances_starting_at_once_on_a_fresh_sqlite_file_apply_each_script_once()
    {
        var folder = Directory.CreateTempSubdirectory("ig-migrate-").FullName;
        try
        {
            var connectionString = $"Data Source={Path.Combine(folder, "process.db")}";
            await MigrateAtOnceAsync(SqlProvider.Sqlite, connectionString);
            await AssertEachScriptOnceAsync(SqlProvider.Sqlite, connectionString);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    // Each migrator has its own Database, as separate instances would; a barrier starts them together.
    private static async Task MigrateAtOnceAsync(SqlProvider provider, string connectionString)
    {
        using var start = new Barrier(Instances);
        var runs = Enumerable.Range(0, Instances).Select(_ => Task.Run(async () =>
        {
            var database = new Database(Options.Create(new StorageOptions { Provider = provider, ConnectionString = connectionString }));
            var migrator = new SchemaMigrator(database, typeof(ProcessApi).Assembly, TimeProvider.System, NullLogger<SchemaMigrator>.Instance);
            start.SignalAndWait();
            await migrator.StartAsync(CancellationToken.None);
        })).ToArray();
        await Task.WhenAll(runs);
    }

    private static async Task AssertEachScriptOnceAsync(SqlProvider provider, string connectionString)
    {
        var database = new Database(Options.Create(new StorageOptions { Provider = provider, ConnectionString = connectionString }));
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var versions = (await connection.QueryAsync<string>("SELECT version FROM schema_versions ORDER BY version")).ToList();
        var scripts = typeof(ProcessApi).Assembly.GetManifestResourceNames().Count(n => n.Contains(".Schema.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal));
        Assert.Equal(scripts, versions.Count);
        Assert.Equal(versions.Count, versions.Distinct(StringComparer.Ordinal).Count());
        // The last script's objects exist: the schema is whole, not just its bookkeeping.
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM webhook_messages"));
    }
}
