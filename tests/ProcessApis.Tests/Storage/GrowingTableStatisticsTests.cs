using Dapper;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.TestSupport;
using IntegrationGateway.TestSupport.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationGateway.ProcessApis.Tests.Storage;

/// <summary>
/// A prepared statement planned while its table was nearly empty keeps that plan as the table grows, until the table is
/// analysed; the growth check analyses a table that has doubled, and the statement's next run is planned afresh.
/// </summary>
public sealed class GrowingTableStatisticsTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string Page = "EXPLAIN EXECUTE page(99990, NULL, 500)";

    [Fact]
    public async Task A_page_read_planned_on_a_young_outbox_uses_its_index_once_the_grown_table_is_analysed()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var database = new Database(Options.Create(new StorageOptions { Provider = SqlProvider.Postgres, ConnectionString = connectionString }));
        var statistics = new GrowingTableStatistics(database, Options.Create(new StorageOptions()), TimeProvider.System, NullLogger<GrowingTableStatistics>.Instance);
        await using var reader = await database.OpenAsync(CancellationToken.None);
        await new SchemaMigrator(database, typeof(ProcessApi).Assembly, TimeProvider.System, NullLogger<SchemaMigrator>.Instance).StartAsync(CancellationToken.None);
        const string insert = """
            INSERT INTO outbox_events (event_id, type, subject, channel_id, sku, sequence, data, occurred_at)
            SELECT @prefix || g, 'inventory.availability.changed', 'sku', 'ch-' || (g % 3), 'sku-' || (g % 100), g, repeat('x', 300), g
            FROM generate_series(1, @rows) g
            """;
        await reader.ExecuteAsync(insert, new { prefix = "young-", rows = 30 });
        // The shape of the change feed's page read (Outbox.PageAsync), prepared by hand so its plan can be shown.
        await reader.ExecuteAsync("""
            PREPARE page(BIGINT, VARCHAR, INT) AS SELECT * FROM outbox_events
            WHERE position > $1 AND (CAST($2 AS VARCHAR(64)) IS NULL OR channel_id = $2) ORDER BY position LIMIT $3
            """);
        // Past five runs PostgreSQL settles on the generic plan, made for a table of one page.
        for (var run = 0; run < 6; run++)
        {
            await reader.ExecuteAsync("EXECUTE page(10, NULL, 500)");
        }
        await reader.ExecuteAsync(insert, new { prefix = "grown-", rows = 100_000 });
        Assert.Contains("Seq Scan", await PlanAsync(reader));
        // A table that has not grown since is left alone.
        await reader.ExecuteAsync("CREATE TABLE steady (id INT PRIMARY KEY); INSERT INTO steady SELECT generate_series(1, 5000); ANALYZE steady;");

        var analysed = await Eventually.ReachesAsync(() => statistics.AnalyzeGrownAsync(CancellationToken.None), t => t.Contains("outbox_events"), TimeSpan.FromSeconds(30));

        Assert.Equal(["outbox_events"], analysed);
        Assert.Contains("Index Scan using outbox_events_pkey", await PlanAsync(reader));
        // Analysed, it has not doubled since: the next pass leaves it too.
        Assert.Empty(await statistics.AnalyzeGrownAsync(CancellationToken.None));
        NpgsqlConnection.ClearAllPools();
    }

    private static async Task<string> PlanAsync(System.Data.Common.DbConnection connection) =>
        string.Join("\n", await connection.QueryAsync<string>(Page));
}
