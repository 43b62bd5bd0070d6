using System.Net;
using Dapper;
using IntegrationGateway.ExperienceApis.ReadModels;
using IntegrationGateway.ProcessApis.Steps;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.TestSupport;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationGateway.Gateway.Tests.Events;

/// <summary>
/// The process API dies between a commit and what should follow it, twice over: the publisher right after committing a
/// SKU's new figures and events (the experience API, cut off from it at that moment, has not read them), and the
/// stock-event consumer right after committing another SKU's stock change (with the publisher gone, it is never
/// published). A new process host on the same store and address must bring both to the read model: every event
/// arrives, each sequence once, nothing published twice, and the figures are the truth.
/// </summary>
public abstract class ProcessCrashBetweenCommitAndPublishTests(bool onPostgres) : RestartableStores(onPostgres)
{
    [Fact]
    public async Task EveryEventCommittedBeforeTheCrashReachesTheReadModelOnceAfterTheRestart()
    {
        var gate = new StepGate();
        var outage = new Outage();
        await using var stack = RestartableStack.Start(await StoresAsync(), services => services.AddSingleton<IStepHook>(gate), outage.Install);
        var inventory = stack.Inventory();
        var published = await inventory.NewSkuAsync(("EU-1", 5), ("US-1", 2));
        var consumed = await inventory.NewSkuAsync(("EU-1", 4));
        await stack.SettleAsync();
        var feeder = stack.Experience!.Services.GetRequiredService<ReadModelFeeder>();

        // The experience API stops hearing from the process API; once a call of its own has failed, none is in flight.
        outage.Begin();
        await UntilAsync(() => Task.FromResult(outage.Refused > 0));
        var publisherDown = gate.CrashAt(ProcessSteps.AvailabilityPublished);
        await inventory.ReceiveAsync(published, "EU-1", 3);
        await publisherDown.WaitAsync(Propagation.Within);
        var consumerDown = gate.CrashAt(ProcessSteps.StockEventsApplied);
        await inventory.ReceiveAsync(consumed, "EU-1", 2);
        await consumerDown.WaitAsync(Propagation.Within);

        var database = stack.Process.Services.GetRequiredService<Database>();
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            // What the crash leaves: events the experience API never read, and a stock change marked but not published.
            Assert.True(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox_events WHERE sku = @published AND position > @reached",
                new { published, reached = feeder.Position }) > 0, "The publisher's events were read before the crash.");
            Assert.True(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM availability_marks WHERE sku = @consumed", new { consumed }) > 0,
                "The consumed stock change was published before the crash.");
        }
        await stack.RestartProcessAsync();
        outage.End();
        await stack.SettleAsync();

        var skus = new[] { published, consumed };
        Assert.Empty(await ReadModelConvergence.DisagreementsAsync(stack.Process, [stack.Experience], skus));
        Assert.Empty(await PublishedSequences.FaultsAsync(stack.Process.Services.GetRequiredService<Database>(), skus));
        var feed = await EventsFeed.ReadAllAsync(stack.Process.Client(TestTokens.Admin("crash-feed")));
        Assert.Equal(feed.Select(e => e.Position).Order(), feed.Select(e => e.Position));
        Assert.Equal(feed.Count, feed.Select(e => e.Id).Distinct().Count());
        Assert.Equal(feed.Count, feed.Select(e => e.Position).Distinct().Count());
        Assert.Equal([10, 6], skus.Select(sku => feed.Last(e => e.Channel == "storefront" && e.Sku == sku).Available));
        using var shop = stack.Experience.Client(TestTokens.Storefront("crash-reader"));
        foreach (var (sku, total) in skus.Zip([10, 6]))
        {
            var level = await (await shop.GetAsync($"/storefront/v2/availability/{sku}")).JsonAsync(HttpStatusCode.OK);
            Assert.Equal(total, level.GetProperty("total").GetProperty("available").GetInt32());
        }
    }

    private static async Task UntilAsync(Func<Task<bool>> condition) =>
        Assert.True(await Eventually.ReachesAsync(condition, done => done, Propagation.Within, TimeSpan.FromMilliseconds(20)), "The condition did not hold in time.");
}

public sealed class ProcessCrashBetweenCommitAndPublishOnSqliteTests() : ProcessCrashBetweenCommitAndPublishTests(onPostgres: false);

public sealed class ProcessCrashBetweenCommitAndPublishOnPostgresTests() : ProcessCrashBetweenCommitAndPublishTests(onPostgres: true);
