using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationGateway.ServiceDefaults.Storage;

/// <summary>Opens connections to a service's own store and starts write transactions the right way for its engine.</summary>
public sealed class Database
{
    private readonly string _connectionString;

    public Database(IOptions<StorageOptions> options)
    {
        var value = options.Value;
        Dialect = SqlDialect.For(value.Provider);
        _connectionString = value.Provider == SqlProvider.Sqlite
            ? new SqliteConnectionStringBuilder(value.ConnectionString) { Pooling = true }.ToString()
            : WithPoolDefaults(value.ConnectionString);
    }

    /// <summary>
    /// Lets Npgsql prepare the statements a connection runs again and again, and skip resetting a connection it puts
    /// back in the pool, unless the connection string says otherwise about either. Unprepared, PostgreSQL parses and
    /// plans every statement anew, and under a stream of changes that was the largest single use of CPU on the
    /// machine (more than any service). The reset (RESET ALL and its kin, sent with the next use) undoes session
    /// state these services never set: they use no SET, no session-level advisory locks, no LISTEN and no temporary
    /// tables, only transaction-scoped locks, which end with their transaction.
    /// </summary>
    public static string WithPoolDefaults(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Mentions(connectionString, "Auto Prepare", "AutoPrepare"))
        {
            builder.MaxAutoPrepare = 200;
            builder.AutoPrepareMinUsages = 2;
        }
        if (!Mentions(connectionString, "No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ToString();
    }

    private static bool Mentions(string connectionString, params string[] keys) =>
        keys.Any(key => connectionString.Contains(key, StringComparison.OrdinalIgnoreCase));

    public SqlDialect Dialect { get; }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = new();

    /// <summary>How much of a SQLite file is read through a memory map: the whole of any demo or test database.</summary>
    public const long MemoryMapBytes = 256L * 1024 * 1024;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = Dialect.Provider == SqlProvider.Sqlite
            ? new SqliteConnection(_connectionString)
            : new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        if (connection is SqliteConnection sqlite && !Configured.TryGetValue(sqlite.Handle!, out _))
        {
            // Once per SQLite handle: the pool hands the same handle out again, with its settings kept.
            // NORMAL is durable across crashes of the app (not of the OS) and about four times faster than FULL
            // here under WAL, which the schema migrator turns on once for the file. The busy timeout lets SQLite
            // wait for a writer that did not come through the write gate in short steps, instead of failing at once
            // into Microsoft.Data.Sqlite's 150 ms sleep. Reads through a memory map: a pooled handle's page cache is
            // dropped whenever another handle writes, and re-reading every page with a pread call was a tenth of the
            // process API's CPU under a stream of changes.
            using var pragma = sqlite.CreateCommand();
            pragma.CommandText = $"PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout={(int)SqliteWriteGate.MaxWait.TotalMilliseconds}; PRAGMA mmap_size={MemoryMapBytes};";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            Configured.AddOrUpdate(sqlite.Handle!, true);
        }
        return connection;
    }

    /// <summary>
    /// Starts a transaction that will write. On SQLite it takes the write lock up front (IMMEDIATE), once the file's
    /// write gate lets it in: a deferred transaction that reads then writes fails its lock upgrade under load.
    /// </summary>
    public static async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection is SqliteConnection sqlite
            ? await SqliteWriteGate.For(sqlite).BeginAsync(sqlite, cancellationToken)
            : await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);

    /// <summary>
    /// Makes the transaction the only appender to <paramref name="stream"/> until it ends, so rows take their ids in
    /// commit order and a reader paging by id never passes a row that commits later. SQLite's write transaction
    /// already admits one writer at a time; PostgreSQL hands out ids at insert, not at commit, so it takes a
    /// transaction-scoped advisory lock.
    /// </summary>
    public static Task SerializeAppendsAsync(DbConnection connection, DbTransaction transaction, string stream, CancellationToken cancellationToken) =>
        connection is NpgsqlConnection
            ? connection.ExecuteAsync(new CommandDefinition(SerializeAppendsSql(connection, stream), transaction: transaction, cancellationToken: cancellationToken))
            : Task.CompletedTask;

    /// <summary>
    /// <see cref="SerializeAppendsAsync"/> for each of <paramref name="streams"/>, in their order, and then a query, as
    /// one command (one round trip on PostgreSQL, where each had been one); answers the query's rows. Every transaction
    /// that takes more than one of these locks takes them in the same order.
    /// </summary>
    public static async Task<List<T>> SerializedQueryAsync<T>(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> streams, string sql, object? parameters,
        CancellationToken cancellationToken)
    {
        var serialize = string.Concat(streams.Select(stream => SerializeAppendsSql(connection, stream)));
        await using var reads = await connection.QueryMultipleAsync(new CommandDefinition(serialize + sql, parameters, transaction, cancellationToken: cancellationToken));
        if (serialize.Length > 0)
        {
            foreach (var _ in streams)
            {
                // Each lock's own answer: one row of nothing.
                await reads.ReadAsync();
            }
        }
        return (await reads.ReadAsync<T>()).AsList();
    }

    /// <summary>
    /// <see cref="SerializeAppendsAsync"/> as a statement to put before the caller's own in the same command, saving a
    /// round trip while others queue on the lock (empty on SQLite); <paramref name="stream"/> is a name of ours, never input.
    /// </summary>
    public static string SerializeAppendsSql(DbConnection connection, string stream) =>
        connection is NpgsqlConnection ? $"SELECT pg_advisory_xact_lock(hashtext('{stream.Replace("'", "''", StringComparison.Ordinal)}'));\n" : "";

    /// <summary>
    /// Waits for the writers of <paramref name="table"/> under way and holds off new ones until the transaction ends;
    /// readers go on. SQLite's write transaction already does; PostgreSQL is told with a table lock.
    /// </summary>
    public static Task ExcludeWritersAsync(DbConnection connection, DbTransaction transaction, string table, CancellationToken cancellationToken)
    {
        // A table name cannot be a parameter; it comes from code, and this keeps it a plain identifier.
        if (!System.Text.RegularExpressions.Regex.IsMatch(table, "^[a-z_][a-z0-9_]*$"))
        {
            throw new ArgumentException($"'{table}' is not a plain table name.", nameof(table));
        }
        return connection is NpgsqlConnection
            ? connection.ExecuteAsync(new CommandDefinition($"LOCK TABLE {table} IN EXCLUSIVE MODE", transaction: transaction, cancellationToken: cancellationToken))
            : Task.CompletedTask;
    }
}
