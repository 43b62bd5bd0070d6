using Dapper;
using IntegrationGateway.ProcessApis.Changes;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.TestSupport;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IntegrationGateway.Gateway.Tests.Events;

/// <summary>
/// On PostgreSQL a mark's id is taken when it is inserted, not when it commits, so a publishing pass can read mark 9
/// while 8 is still uncommitted. If 8 commits before the pass ends, the pass must leave it for the next one, or that
/// change is never published. The test is the writer of mark 8 itself (a rule change made the way the channel store
/// makes one: the rule and the channel's mark in one transaction, held open), and it holds the publisher where the
/// two meet with a row lock on a figure the pass is about to write.
/// </summary>
public sealed class MarkCommittedDuringAPublishingPassTests
{
    [Fact]
    public async Task ARuleChangeMarkedWhileAPassIsUnderWayIsPublishedByTheNextPass()
    {
        await using var cluster = await PostgresCluster.StartAsync();
        await using var stack = Stack.Start(new StackOptions { Postgres = (await cluster.CreateDatabaseAsync(), await cluster.CreateDatabaseAsync()) });
        await stack.PutChannelAsync("mp-late-mark", "marketplace", new { skuClass = "*", stockPercent = 100, buffer = 0, endWhen = 0 });
        await stack.PutChannelAsync("mp-late-rule", "marketplace", new { skuClass = "*", stockPercent = 100, buffer = 0, endWhen = 0 });
        var inventory = stack.Inventory();
        var skus = new[] { await inventory.NewSkuAsync(("EU-1", 4)), await inventory.NewSkuAsync(("EU-1", 10)) };
        await stack.SettleAsync();
        var database = stack.Process.Services.GetRequiredService<Database>();

        await using var lateRule = await LockAsync(database, "SELECT 1 FROM channel_rules WHERE channel_id = 'mp-late-rule' FOR UPDATE", null);
        await lateRule.Connection.ExecuteAsync("UPDATE channel_rules SET stock_percent = 50 WHERE channel_id = 'mp-late-rule'", transaction: lateRule.Transaction);
        await AvailabilityMarks.MarkChannelAsync(lateRule.Connection, lateRule.Transaction, "mp-late-rule", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), CancellationToken.None);
        await using var figureLock = await LockAsync(database, "SELECT 1 FROM channel_availability WHERE channel_id = 'mp-late-mark' AND sku = @sku FOR UPDATE", new { sku = skus[1] });
        // This rule change marks its channel after the held one and commits; the next pass reads that mark (not the held
        // one, uncommitted) and stops at the figure it is about to write. The held change commits before the pass ends.
        await stack.PutChannelAsync("mp-late-mark", "marketplace", new { skuClass = "*", stockPercent = 50, buffer = 0, endWhen = 0 });
        await WaitingOnALockAsync(database, "channel_availability");
        await lateRule.Transaction.CommitAsync();
        await figureLock.Transaction.RollbackAsync();
        await stack.SettleAsync();

        var disagreements = await ReadModelConvergence.DisagreementsAsync(stack.Process, [stack.Storefront], skus);
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

    /// <summary>Statements of the service waiting for a row lock on the table (the test's own sessions never wait).</summary>
    private static async Task<long> WaitersAsync(Database database, string table)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%' || @table || '%'", new { table });
    }
}
