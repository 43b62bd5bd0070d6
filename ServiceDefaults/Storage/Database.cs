using System.Data.Common;
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
            : value.ConnectionString;
    }

    public SqlDialect Dialect { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = Dialect.Provider == SqlProvider.Sqlite
            ? new SqliteConnection(_connectionString)
            : new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        if (connection is SqliteConnection sqlite)
        {
            // NORMAL is durable across crashes of the app (not of the OS) and about four times faster than FULL
            // here under WAL, which the schema migrator turns on once for the file.
            using var pragma = sqlite.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }
        return connection;
    }

    /// <summary>
    /// Starts a transaction that will write. On SQLite it takes the write lock up front (IMMEDIATE):
    /// a deferred transaction that reads then writes fails its lock upgrade under load.
    /// </summary>
    public static async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: false)
            : await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);
}
