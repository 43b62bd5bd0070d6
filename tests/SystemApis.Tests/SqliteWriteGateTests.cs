using Dapper;
using IntegrationGateway.ServiceDefaults.Storage;
using Microsoft.Extensions.Options;

namespace IntegrationGateway.SystemApis.Tests;

/// <summary>
/// Write transactions on one SQLite file take turns: many at once all commit, none fails busy, and a turn ends
/// however its transaction ends (commit, rollback, dispose, connection closed), so the next writer gets in.
/// </summary>
public sealed class SqliteWriteGateTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ig-gate-").FullName;
    private readonly Database _database;

    public SqliteWriteGateTests() =>
        _database = new Database(Options.Create(new StorageOptions { Provider = SqlProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(_folder, "gate.db")}" }));

    public async Task InitializeAsync()
    {
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("PRAGMA journal_mode=WAL; CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER NOT NULL); INSERT INTO counter VALUES (1, 0);");
    }

    [Fact]
    public async Task Many_writers_at_once_each_read_then_write_without_losing_an_update()
    {
        // A read-then-write in each transaction: a lost update or a busy failure would leave the counter short.
        await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            await using var connection = await _database.OpenAsync(CancellationToken.None);
            await using var transaction = await Database.BeginWriteAsync(connection, CancellationToken.None);
            var value = await connection.ExecuteScalarAsync<long>("SELECT value FROM counter WHERE id = 1", transaction: transaction);
            await Task.Yield();
            await connection.ExecuteAsync("UPDATE counter SET value = @next WHERE id = 1", new { next = value + 1 }, transaction);
            await transaction.CommitAsync();
        })));
        Assert.Equal(64, await ValueAsync());
    }

    [Fact]
    public async Task A_turn_ends_with_a_rollback_a_dispose_or_a_closed_connection_on_the_same_flow()
    {
        // Each way of ending leaves the connection open (except the last) and then writes again from a new
        // connection: a turn that did not end would make that write wait out the gate's limit and fail.
        await using (var connection = await _database.OpenAsync(CancellationToken.None))
        {
            var rolledBack = await Database.BeginWriteAsync(connection, CancellationToken.None);
            await connection.ExecuteAsync("UPDATE counter SET value = 100 WHERE id = 1", transaction: rolledBack);
            await rolledBack.RollbackAsync();
            await IncrementAsync();

            var disposed = await Database.BeginWriteAsync(connection, CancellationToken.None);
            await disposed.DisposeAsync();
            await IncrementAsync();

            await using var empty = await Database.BeginWriteAsync(connection, CancellationToken.None);
            await empty.CommitAsync();
            await IncrementAsync();
        }
        var closed = await _database.OpenAsync(CancellationToken.None);
        _ = await Database.BeginWriteAsync(closed, CancellationToken.None);
        await closed.DisposeAsync();
        await IncrementAsync();

        Assert.Equal(4, await ValueAsync());
    }

    private async Task IncrementAsync()
    {
        using var within = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var connection = await _database.OpenAsync(within.Token);
        await using var transaction = await Database.BeginWriteAsync(connection, within.Token);
        await connection.ExecuteAsync("UPDATE counter SET value = value + 1 WHERE id = 1", transaction: transaction);
        await transaction.CommitAsync(within.Token);
    }

    private async Task<long> ValueAsync()
    {
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT value FROM counter WHERE id = 1");
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
