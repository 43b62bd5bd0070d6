using System.Net;
using System.Net.Http.Json;
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
/// The process API dies between a commit and what should follow it, twice over: the stock-event consumer right after
/// committing a SKU's stock change with its new figures and events (the experience API, cut off from it at that moment,
/// has not read them), and the publisher right after committing a channel rule's figures, so that a second rule change
/// is marked and never published. A new process host on the same store and address must bring all of it to the read
/// model: every event arrives, each sequence once, nothing published twice, and the figures are the truth.
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
        var received = await inventory.NewSkuAsync(("EU-1", 5), ("US-1", 2));
        var ruled = await inventory.NewSkuAsync(("EU-1", 4));
        await stack.SettleAsync();
        var feeder = stack.Experience!.Services.GetRequiredService<ReadModelFeeder>();
        using var admin = stack.Process.Client(TestTokens.Admin("crash-operator"));

        // The experience API stops hearing from the process API; once a call of its own has failed, none is in flight.
        outage.Begin();
        await UntilAsync(() => Task.FromResult(outage.Refused > 0));
        var consumerDown = gate.CrashAt(ProcessSteps.StockEventsApplied);
        await inventory.ReceiveAsync(received, "EU-1", 3);
        await consumerDown.WaitAsync(Propagation.Within);
        var publisherDown = gate.CrashAt(ProcessSteps.AvailabilityPublished);
        await SetMarketplaceShareAsync(admin, 50);
        await publisherDown.WaitAsync(Propagation.Within);
        await SetMarketplaceShareAsync(admin, 25);

        var database = stack.Process.Services.GetRequiredService<Database>();
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            // What the crashes leave: events the experience API never read, and a rule change marked but not published.
            foreach (var sku in new[] { received, ruled })
            {
                Assert.True(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox_events WHERE sku = @sku AND position > @reached",
                    new { sku, reached = feeder.Position }) > 0, $"The events of {sku} were read before the crash.");
            }
            Assert.True(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM availability_marks WHERE channel_id = 'marketplace'") > 0,
                "The second rule change was published before the restart.");
        }
        await stack.RestartProcessAsync();
        outage.End();
        await stack.SettleAsync();

        var skus = new[] { received, ruled };
        // Under the marketplace's last rule (a quarter), so the rule change that was only marked is published too.
        Assert.Empty(await ReadModelConvergence.DisagreementsAsync(stack.Process, [stack.Experience], skus));
        Assert.Empty(await PublishedSequences.FaultsAsync(stack.Process.Services.GetRequiredService<Database>(), skus));
        var feed = await EventsFeed.ReadAllAsync(stack.Process.Client(TestTokens.Admin("crash-feed")));
        Assert.Equal(feed.Select(e => e.Position).Order(), feed.Select(e => e.Position));
        Assert.Equal(feed.Count, feed.Select(e => e.Id).Distinct().Count());
        Assert.Equal(feed.Count, feed.Select(e => e.Position).Distinct().Count());
        Assert.Equal([10, 4], skus.Select(sku => feed.Last(e => e.Channel == "storefront" && e.Sku == sku).Available));
        using var shop = stack.Experience.Client(TestTokens.Storefront("crash-reader"));
        foreach (var (sku, total) in skus.Zip([10, 4]))
        {
            var level = await (await shop.GetAsync($"/storefront/v2/availability/{sku}")).JsonAsync(HttpStatusCode.OK);
            Assert.Equal(total, level.GetProperty("total").GetProperty("available").GetInt32());
        }
    }

    private static async Task SetMarketplaceShareAsync(HttpClient admin, int percent) =>
        (await admin.PutAsJsonAsync("/process/v1/channels/marketplace",
            new { type = "marketplace", rules = new[] { new { skuClass = "*", stockPercent = percent, buffer = 0, endWhen = 0 } } })).EnsureSuccessStatusCode();

    private static async Task UntilAsync(Func<Task<bool>> condition) =>
        Assert.True(await Eventually.ReachesAsync(condition, done => done, Propagation.Within, TimeSpan.FromMilliseconds(20)), "The condition did not hold in time.");
}

public sealed class ProcessCrashBetweenCommitAndPublishOnSqliteTests() : ProcessCrashBetweenCommitAndPublishTests(onPostgres: false);

public sealed class ProcessCrashBetweenCommitAndPublishOnPostgresTests() : ProcessCrashBetweenCommitAndPublishTests(onPostgres: true);
