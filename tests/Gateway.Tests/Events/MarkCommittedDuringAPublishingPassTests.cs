using Dapper;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.TestSupport;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IntegrationGateway.Gateway.Tests.Events;

/// <summary>
/// On PostgreSQL a mark's id is taken when it is inserted, not when it commits, so a publishing pass can read marks
/// 7 and 9 while 8 is still uncommitted. If 8 commits before the pass ends, the pass must leave it for the next one,
/// or that change is never published. The test holds the two transactions where they meet with row locks of its
/// own: the consumer's (which has inserted its mark) on its cursor row, and the publisher's (which has read the
/// marks) on a figure it is about to write.
/// </summary>
public sealed class MarkCommittedDuringAPublishingPassTests
{
    [Fact]
    public async Task AStockChangeMarkedWhileAPassIsUnderWayIsPublishedByTheNextPass()
    {
        await using var cluster = await PostgresCluster.StartAsync();
        await using var stack = Stack.Start(new StackOptions { Postgres = (await cluster.CreateDatabaseAsync(), await cluster.CreateDatabaseAsync()) });
        await stack.PutChannelAsync("mp-late-mark", "marketplace", new { skuClass = "*", stockPercent = 100, buffer = 0, endWhen = 0 });
        var inventory = stack.Inventory();
        var late = await inventory.NewSkuAsync(("EU-1", 4));
        var blocked = await inventory.NewSkuAsync(("EU-1", 10));
        await stack.SettleAsync();
        var database = stack.Process.Services.GetRequiredService<Database>();

        await using var cursorLock = await LockAsync(database, "SELECT 1 FROM consumer_cursors WHERE consumer = 'erp-stock-events' FOR UPDATE", null);
        await inventory.ReceiveAsync(late, "EU-1", 3);
        await WaitingOnALockAsync(database, "consumer_cursors");
        await using var figureLock = await LockAsync(database, "SELECT 1 FROM channel_availability WHERE channel_id = 'mp-late-mark' AND sku = @blocked FOR UPDATE", new { blocked });
        // The rule change marks the channel and commits; the next pass reads that mark (not the consumer's, uncommitted)
        // and stops at the figure it is about to write.
        await stack.PutChannelAsync("mp-late-mark", "marketplace", new { skuClass = "*", stockPercent = 50, buffer = 0, endWhen = 0 });
        await WaitingOnALockAsync(database, "channel_availability");
        await cursorLock.Transaction.RollbackAsync();
        Assert.True(await Eventually.ReachesAsync(() => ConsumerCaughtUpAsync(stack), done => done, Propagation.Within, TimeSpan.FromMilliseconds(20)),
            "The consumer did not commit once its cursor row was free.");
        await figureLock.Transaction.RollbackAsync();
        await stack.SettleAsync();

        var disagreements = await ReadModelConvergence.DisagreementsAsync(stack.Process, [stack.Storefront], [late, blocked]);
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    private sealed record HeldLock(NpgsqlConnection Connection, NpgsqlTransaction Transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Transaction.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }

    private static async Task<HeldLock> LockAsync(Database database, string sql, object? parameters)
    {
        var connection = (NpgsqlConnection)await database.OpenAsync(CancellationToken.None);
        var transaction = await connection.BeginTransactionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>(sql, parameters, transaction));
        return new HeldLock(connection, transaction);
    }

    private static async Task WaitingOnALockAsync(Database database, string table) =>
        Assert.True(await Eventually.ReachesAsync(() => WaitersAsync(database, table), n => n > 0, Propagation.Within, TimeSpan.FromMilliseconds(20)) > 0,
            $"Nothing came to wait on the lock held on {table}.");

    private static async Task<bool> ConsumerCaughtUpAsync(Stack stack)
    {
        await using var erp = await stack.Erp.Services.GetRequiredService<Database>().OpenAsync(CancellationToken.None);
        await using var process = await stack.Process.Services.GetRequiredService<Database>().OpenAsync(CancellationToken.None);
        return await process.ExecuteScalarAsync<long>("SELECT position FROM consumer_cursors WHERE consumer = 'erp-stock-events'")
            >= await erp.ExecuteScalarAsync<long>("SELECT MAX(position) FROM stock_events");
    }

    /// <summary>Statements of the service waiting for a row lock on the table (the test's own sessions never wait).</summary>
    private static async Task<long> WaitersAsync(Database database, string table)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%' || @table || '%'", new { table });
    }
}
