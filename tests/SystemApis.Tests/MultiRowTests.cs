using Dapper;
using IntegrationGateway.ServiceDefaults.Storage;
using Microsoft.Extensions.Options;

namespace IntegrationGateway.SystemApis.Tests;

/// <summary>
/// Many rows in one statement: every row arrives once, in the order given (ids are taken in that order, which the
/// outbox relies on), nulls included, across chunk boundaries; a tail such as RETURNING names each chunk's rows.
/// </summary>
public sealed class MultiRowTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ig-multirow-").FullName;
    private readonly Database _database;

    public MultiRowTests() =>
        _database = new Database(Options.Create(new StorageOptions { Provider = SqlProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(_folder, "rows.db")}" }));

    public async Task InitializeAsync()
    {
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL, quantity INTEGER, note TEXT)");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(33)]
    [InlineData(34)]
    [InlineData(300)]
    [InlineData(301)]
    [InlineData(1000)]
    public async Task Every_row_arrives_once_in_order_across_chunks(int count)
    {
        var rows = Enumerable.Range(0, count).Select(i => (Name: $"n{i}", Quantity: i % 7 == 0 ? (int?)null : i, Note: i % 2 == 0 ? "even" : null)).ToList();
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        await using var transaction = await Database.BeginWriteAsync(connection, CancellationToken.None);
        var affected = await MultiRow.ExecuteAsync(connection, transaction, "INSERT INTO item (name, quantity, note)", 3, rows, r => [r.Name, r.Quantity, r.Note], "", CancellationToken.None);
        await transaction.CommitAsync();

        Assert.Equal(count, affected);
        var stored = (await connection.QueryAsync<(string Name, int? Quantity, string? Note)>("SELECT name, quantity, note FROM item ORDER BY id")).ToList();
        Assert.Equal(rows, stored);
    }

    [Fact]
    public async Task A_returning_tail_names_the_rows_of_every_chunk()
    {
        var names = Enumerable.Range(0, 2000).Select(i => $"r{i}").ToList();
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        await using var transaction = await Database.BeginWriteAsync(connection, CancellationToken.None);
        var returned = new List<string>();
        var commands = MultiRow.Commands("INSERT INTO item (name)", 1, names, n => [n], "RETURNING name", transaction, CancellationToken.None).ToList();
        foreach (var command in commands)
        {
            returned.AddRange(await connection.QueryAsync<string>(command));
        }
        await transaction.CommitAsync();

        Assert.Equal((2000 + MultiRow.MaxSqliteParameters - 1) / MultiRow.MaxSqliteParameters, commands.Count);
        Assert.Equal(names.Order(StringComparer.Ordinal), returned.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_values_is_refused()
    {
        var commands = MultiRow.Commands("INSERT INTO item (name, quantity)", 2, ["a"], n => [n], "", null!, CancellationToken.None);
        Assert.Throws<ArgumentException>(() => commands.ToList());
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
