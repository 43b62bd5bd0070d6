using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationGateway.ServiceDefaults.Storage;

/// <summary>
/// Keeps PostgreSQL's planner statistics up with the tables that grow fast while they are young (the outbox, the
/// ledger, webhook messages). Statements are prepared, and PostgreSQL keeps a prepared statement's generic plan until a
/// table it reads is analysed again; one made while the outbox held a few rows (a sequential scan and a sort) still
/// ran a minute later, when the table held a hundred thousand: 6 ms a page instead of 0.02 ms, more than half the
/// server's CPU under a stream of changes. Autovacuum looks at a database once a minute at best, so this analyses a
/// table whenever it has at least doubled since it was last analysed: a few times while it is young, then hardly
/// ever. Each ANALYZE also makes every session plan its statements on that table again.
/// </summary>
public sealed class GrowingTableStatistics(Database database, IOptions<StorageOptions> options, TimeProvider time, ILogger<GrowingTableStatistics> logger)
    : BackgroundService
{
    /// <summary>Smaller tables are left to autovacuum: any plan reads a few pages quickly.</summary>
    public const int MinimumRows = 1_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = options.Value.AnalyzeGrowingTablesEvery;
        if (database.Dialect.Provider != SqlProvider.Postgres || every <= TimeSpan.Zero)
        {
            return;
        }
        using var timer = new PeriodicTimer(every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await AnalyzeGrownAsync(stoppingToken);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                // Statistics are an optimisation: a store that is down now is the next pass's business.
                logger.LogDebug(exception, "Could not look at the tables' growth; trying again in {Every}.", every);
            }
        }
    }

    /// <summary>Analyses every table of the database that has at least doubled since its last analysis; answers their names.</summary>
    public async Task<IReadOnlyList<string>> AnalyzeGrownAsync(CancellationToken cancellationToken)
    {
        // reltuples is the row count the planner was last told (-1: never analysed); n_live_tup is counted as rows change.
        const string grown = """
            SELECT s.schemaname AS Schema, s.relname AS Name, s.n_live_tup AS Rows, c.reltuples AS Told
            FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
            WHERE s.n_live_tup >= GREATEST(@minimum, 2 * c.reltuples)
            ORDER BY s.relname
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var tables = (await connection.QueryAsync<GrownTable>(new CommandDefinition(grown, new { minimum = (long)MinimumRows }, cancellationToken: cancellationToken))).AsList();
        foreach (var table in tables)
        {
            // Names come from the catalogue; quoting them keeps any spelling whole.
            await connection.ExecuteAsync(new CommandDefinition($"ANALYZE {Quote(table.Schema)}.{Quote(table.Name)}", cancellationToken: cancellationToken));
            logger.LogDebug("Analysed {Table}: about {Rows} rows, {Told} when last analysed.", table.Name, table.Rows, Math.Max(0, table.Told));
        }
        return tables.Select(t => t.Name).ToList();
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record GrownTable(string Schema, string Name, long Rows, float Told);
}
