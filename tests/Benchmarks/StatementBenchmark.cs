using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dapper;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.TestSupport.Postgres;
using Microsoft.Extensions.Options;

namespace IntegrationGateway.Benchmarks;

/// <summary>
/// The two statement shapes the event path leans on when a backlog makes its batches large: many rows in one INSERT
/// (<see cref="MultiRow"/>), and "column is one of these values" (<see cref="SqlDialect.IsAnyOf"/>). Each against the
/// way it was written before, timed in the same run: Dapper's parameters in chunks of 900, and Dapper's list expansion.
/// </summary>
public static class StatementBenchmark
{
    private const int Rows = 1500;
    private const int Columns = 11;
    private const int Tries = 5;

    public static async Task<string> RunAsync()
    {
        var lines = new List<string>
        {
            $"Measured {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, .NET {Environment.Version}, Release build; best of {Tries} (`-- --only statements`).",
            "",
            "| statement | store | now ms | before ms | now / before |",
            "|---|---|---|---|---|",
        };
        var folder = Directory.CreateTempSubdirectory("ig-statements-").FullName;
        try
        {
            lines.AddRange(await MeasureAsync(Open(SqlProvider.Sqlite, $"Data Source={Path.Combine(folder, "bench.db")}")));
            await using var cluster = await PostgresCluster.StartAsync();
            lines.AddRange(await MeasureAsync(Open(SqlProvider.Postgres, await cluster.CreateDatabaseAsync())));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
        return string.Join("\n", lines);
    }

    private static Database Open(SqlProvider provider, string connectionString) =>
        new(Options.Create(new StorageOptions { Provider = provider, ConnectionString = connectionString }));

    private static async Task<IEnumerable<string>> MeasureAsync(Database database)
    {
        var store = database.Dialect.Provider == SqlProvider.Sqlite ? "SQLite" : "PostgreSQL";
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("CREATE TABLE row_bench (id BIGINT PRIMARY KEY, a TEXT, b TEXT, c BIGINT, d BIGINT, e TEXT, f BIGINT, g BIGINT, h TEXT, i BIGINT, j BIGINT)");
        var next = 0L;
        object?[] Row(int _) { var id = ++next; return [id, "storefront", $"SKU-{id}", id, 3L, "[{\"location\":\"EU-1\"}]", 5L, 6L, "abc", 7L, 8L]; }
        async Task<double> InsertAsync(Func<System.Data.Common.DbTransaction, Task> insert)
        {
            await using var transaction = await Database.BeginWriteAsync(connection, CancellationToken.None);
            var watch = Stopwatch.StartNew();
            await insert(transaction);
            var ms = watch.Elapsed.TotalMilliseconds;
            await transaction.CommitAsync();
            return ms;
        }
        var rows = Enumerable.Range(0, Rows).ToList();
        const string head = "INSERT INTO row_bench (id, a, b, c, d, e, f, g, h, i, j)";
        var now = await BestAsync(() => InsertAsync(t => MultiRow.ExecuteAsync(connection, t, head, Columns, rows, Row, "", CancellationToken.None)));
        var before = await BestAsync(() => InsertAsync(t => DapperChunksAsync(connection, t, head, rows.Select(Row).ToList())));
        var results = new List<string> { Line($"INSERT of {Rows} rows x {Columns} values", store, now, before) };

        if (database.Dialect.Provider == SqlProvider.Sqlite)
        {
            // PostgreSQL is handed the array itself either way (= ANY): only SQLite's reading changed.
            foreach (var count in new[] { 10, 100, 500 })
            {
                var ids = Enumerable.Range(1, count).Select(i => (long)(i * 2)).ToArray();
                var sql = $"SELECT id FROM row_bench WHERE {database.Dialect.IsAnyOf("id", "ids")}";
                var anyOf = await BestAsync(() => TimeAsync(() => connection.QueryAsync<long>(sql, new { ids = database.Dialect.AnyOf(ids) })));
                var expanded = await BestAsync(() => TimeAsync(() => connection.QueryAsync<long>("SELECT id FROM row_bench WHERE id IN @ids", new { ids })));
                results.Add(Line($"id is one of {count} values", store, anyOf, expanded));
            }
        }
        return results;
    }

    /// <summary>The former MultiRow: Dapper parameters, 900 to a statement.</summary>
    private static async Task DapperChunksAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string head, IReadOnlyList<object?[]> rows)
    {
        var perChunk = 900 / Columns;
        for (var start = 0; start < rows.Count; start += perChunk)
        {
            var sql = new StringBuilder(head).Append(" VALUES ");
            var parameters = new DynamicParameters();
            for (var r = start; r < Math.Min(rows.Count, start + perChunk); r++)
            {
                sql.Append(r == start ? "(" : ", (");
                for (var c = 0; c < Columns; c++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"v{r - start}_{c}");
                    sql.Append(c == 0 ? "@" : ", @").Append(name);
                    parameters.Add(name, rows[r][c]);
                }
                sql.Append(')');
            }
            await connection.ExecuteAsync(sql.ToString(), parameters, transaction);
        }
    }

    private static async Task<double> TimeAsync<T>(Func<Task<IEnumerable<T>>> query)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 50; i++)
        {
            _ = (await query()).Count();
        }
        return watch.Elapsed.TotalMilliseconds / 50;
    }

    private static async Task<double> BestAsync(Func<Task<double>> run)
    {
        var best = double.MaxValue;
        for (var i = 0; i < Tries; i++)
        {
            best = Math.Min(best, await run());
        }
        return best;
    }

    private static string Line(string statement, string store, double now, double before) =>
        string.Create(CultureInfo.InvariantCulture, $"| {statement} | {store} | {now:F2} | {before:F2} | {now / before:P0} |");
}
