using Dapper;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.TestSupport.Postgres;
using Microsoft.Extensions.Options;

namespace IntegrationGateway.SystemApis.Tests;

/// <summary>
/// "column is one of these values" answers exactly the rows named, for no value, one, repeated ones and thousands
/// (more than SQLite's default limit of bound parameters), of text and of integers, on both engines.
/// </summary>
public abstract class AnyOfTests
{
    private const int Rows = 3000;

    protected abstract Task<Database> DatabaseAsync();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2500)]
    public async Task Names_exactly_the_rows_given_by_text_and_by_number(int count)
    {
        var database = await DatabaseAsync();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        // Every third row, and each value twice: a repeated value names its row once.
        var ids = Enumerable.Range(0, count).Select(i => (long)(i * 3 % Rows)).ToList();
        var names = ids.Select(i => $"n{i}").ToList();
        var wanted = ids.Distinct().Order().ToList();

        var byName = await connection.QueryAsync<long>(
            $"SELECT id FROM item WHERE {database.Dialect.IsAnyOf("name", "names")} ORDER BY id", new { names = database.Dialect.AnyOf(names.Concat(names)) });
        var byId = await connection.QueryAsync<long>(
            $"SELECT id FROM item WHERE {database.Dialect.IsAnyOf("id", "ids")} ORDER BY id", new { ids = database.Dialect.AnyOf(ids.Concat(ids)) });

        Assert.Equal(wanted, byName.ToList());
        Assert.Equal(wanted, byId.ToList());
    }

    protected static async Task<Database> SeededAsync(SqlProvider provider, string connectionString)
    {
        var database = new Database(Options.Create(new StorageOptions { Provider = provider, ConnectionString = connectionString }));
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var transaction = await Database.BeginWriteAsync(connection, CancellationToken.None);
        await connection.ExecuteAsync("CREATE TABLE item (id BIGINT PRIMARY KEY, name TEXT NOT NULL)", transaction: transaction);
        await MultiRow.ExecuteAsync(connection, transaction, "INSERT INTO item (id, name)", 2, Enumerable.Range(0, Rows).ToList(), i => [(long)i, $"n{i}"], "", CancellationToken.None);
        await transaction.CommitAsync();
        return database;
    }
}

public sealed class AnyOfOnSqliteTests : AnyOfTests, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ig-anyof-").FullName;

    protected override Task<Database> DatabaseAsync() =>
        SeededAsync(SqlProvider.Sqlite, $"Data Source={Path.Combine(_folder, "items.db")}");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

public sealed class AnyOfOnPostgresTests(PostgresFixture postgres) : AnyOfTests, IClassFixture<PostgresFixture>
{
    protected override async Task<Database> DatabaseAsync() =>
        await SeededAsync(SqlProvider.Postgres, await postgres.CreateDatabaseAsync());
}
