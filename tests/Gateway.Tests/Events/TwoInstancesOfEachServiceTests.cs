using System.Net.Http.Json;
using Dapper;
using IntegrationGateway.Gateway.Tests.Events.Nats;
using IntegrationGateway.Gateway.Tests.Soak;
using IntegrationGateway.ProcessApis.Steps;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.TestSupport;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Nats;
using IntegrationGateway.TestSupport.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace IntegrationGateway.Gateway.Tests.Events;

/// <summary>
/// DESIGN.md's scale-out on PostgreSQL: two system hosts on the ERP database, two process hosts on the process database,
/// two experience hosts each with its own read models. Connectors, the warehouse and the stock clerk of the soak work
/// through both instances at once (worker n through instance n mod 2), beside operators changing channel rules and
/// posting counts; once the stack is quiet, both read models equal what was published, what was published equals the
/// ERP-derived truth, and the two publishers, running side by side, never forked a channel x SKU sequence.
/// </summary>
public sealed class TwoInstancesOfEachServiceTests(ITestOutputHelper output)
{
    private const int Operations = 320;
    private const int OperatorOperations = 60;
    private const int Workers = 4;

    [Fact]
    public async Task AfterAMixedWorkloadThroughBothInstancesBothReadModelsEqualTheTruthAndNoSequenceForks()
    {
        await using var cluster = await PostgresCluster.StartAsync();
        var gates = new[] { new StepGate(), new StepGate() };
        await using var stack = ScaledOutStack.Start((await cluster.CreateDatabaseAsync(), await cluster.CreateDatabaseAsync()),
            processServices: (n, services) => services.AddSingleton<IStepHook>(gates[n]));

        await RunAndCheckAsync(stack, gates);
    }

    /// <summary>
    /// Over NATS both process instances run the outbox relay. A plain subscriber sees every publish, including any the
    /// broker's Nats-Msg-Id dedupe would hide, so each outbox row seen exactly once says no row went out twice.
    /// </summary>
    [Fact]
    public async Task OverNatsTheTwoRelaysPublishEachOutboxRowOnceAndBothReadModelsEqualTheTruth()
    {
        await using var broker = await NatsServer.StartAsync();
        await using var cluster = await PostgresCluster.StartAsync();
        var gates = new[] { new StepGate(), new StepGate() };
        await using var stack = ScaledOutStack.Start((await cluster.CreateDatabaseAsync(), await cluster.CreateDatabaseAsync()), natsUrl: broker.Url,
            processServices: (n, services) => services.AddSingleton<IStepHook>(gates[n]));
        await using var relayed = await RelayedMessages.StartAsync(broker.Url);

        await RunAndCheckAsync(stack, gates);

        await using var connection = await stack.Processes[0].Services.GetRequiredService<Database>().OpenAsync(CancellationToken.None);
        // The read models can have a row before the relay that sent it has marked it published (it marks after its
        // pass's acks), and order events reach no read model: wait for the relays to mark everything.
        Assert.Equal(0, await Eventually.ReachesAsync(
            () => connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox_events WHERE published_at IS NULL"), n => n == 0, Propagation.Within, TimeSpan.FromMilliseconds(20)));
        var rows = (await connection.QueryAsync<string>("SELECT event_id FROM outbox_events")).ToHashSet(StringComparer.Ordinal);
        await Eventually.ReachesAsync(() => Task.FromResult(relayed.Ids.Count), n => n >= rows.Count, Propagation.Within, TimeSpan.FromMilliseconds(20));
        var twice = relayed.Ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => $"{g.Key} x{g.Count()}").ToList();
        Assert.True(twice.Count == 0, $"{twice.Count} outbox rows were published more than once: {string.Join(", ", twice.Take(10))}");
        Assert.Equal(rows.Order(StringComparer.Ordinal), relayed.Ids.Order(StringComparer.Ordinal));
    }

    private async Task RunAndCheckAsync(ScaledOutStack stack, StepGate[] gates)
    {
        (string Id, string Type, bool TakesOrders)[] channels =
            [("storefront", "storefront", true), ("marketplace", "marketplace", false), ("b2b", "b2b", false), ("shop-scaled", "storefront", false), ("mp-scaled", "marketplace", false)];
        using (var admin = stack.Processes[0].Client(TestTokens.Admin("scaled-setup")))
        {
            foreach (var (id, type, _) in channels.Where(c => c.Id.EndsWith("-scaled", StringComparison.Ordinal)))
            {
                (await admin.PutAsJsonAsync($"/process/v1/channels/{id}", new { type, rules = new[] { new { skuClass = "*", stockPercent = 80, buffer = 1, endWhen = 0 } } })).EnsureSuccessStatusCode();
            }
        }
        var skus = await LayOutStockAsync(new Inventory(stack.Erps[0].Client(TestTokens.Admin("scaled-setup"))));

        var tally = new SoakTally();
        var budget = new SoakBudget(Operations);
        var operatorBudget = new SoakBudget(OperatorOperations);
        var record = new SoakRecord();
        var clients = new List<HttpClient>();
        HttpClient Keep(HttpClient client)
        {
            client.Timeout = SoakLimits.CallTimeout;
            clients.Add(client);
            return client;
        }
        var work = Enumerable.Range(0, Workers).Select(n =>
        {
            var instance = n % 2;
            var clerk = new SoakStockClerk(n, Keep(stack.Erps[instance].Client(TestTokens.Admin($"scaled-clerk-{n}"))), skus, tally, record);
            return new SoakWorker(n, Keep(stack.Experiences[instance].Client(TestTokens.Storefront($"scaled-shop-{n}"))),
                Keep(stack.Processes[instance].Client(TestTokens.Admin($"scaled-warehouse-{n}"))), clerk, skus, budget, tally, record).RunAsync(CancellationToken.None);
        }).Concat(Enumerable.Range(0, 2).Select(instance => new ChannelAndCountOperator(instance, Keep(stack.Processes[instance].Client(TestTokens.Admin($"scaled-operator-{instance}"))),
            Keep(stack.Erps[instance].Client(TestTokens.Admin($"scaled-operator-{instance}"))), skus, channels, operatorBudget, tally).RunAsync())).ToList();
        await Task.WhenAll(work);
        await stack.SettleAsync();

        var disagreements = await ReadModelConvergence.DisagreementsAsync(stack.Processes[1], stack.Experiences, skus);
        var faults = await PublishedSequences.FaultsAsync(stack.Processes[0].Services.GetRequiredService<Database>(), skus);
        clients.ForEach(c => c.Dispose());
        foreach (var line in tally.Lines())
        {
            output.WriteLine(line);
        }
        var applied = gates.Select(g => g.Arrivals(ProcessSteps.StockEventsApplied)).ToList();
        var published = gates.Select(g => g.Arrivals(ProcessSteps.AvailabilityPublished)).ToList();
        output.WriteLine($"Stock event pages applied per process instance: {string.Join(", ", applied)}; publishing passes with events: {string.Join(", ", published)}");

        Assert.True(tally.Surprises.Count == 0, "Unexpected answers:\n" + string.Join("\n", tally.Surprises.Take(20)));
        Assert.True(record.Orders.Count > 0, "No order was accepted, so the workload moved little.");
        // Both instances did the event work, so the checks below are of two publishers side by side, not of one.
        Assert.All(applied, n => Assert.True(n > 0, "A process instance applied no stock events."));
        Assert.All(published, n => Assert.True(n > 0, "A process instance published no figures."));
        Assert.True(faults.Count == 0, "The outbox's sequences are broken (a fork is one sequence published twice):\n" + string.Join("\n", faults.Take(20)));
        Assert.True(disagreements.Count == 0, "Read models and the truth disagree:\n" + string.Join("\n", disagreements.Take(20)));
    }

    private static async Task<IReadOnlyList<string>> LayOutStockAsync(Inventory inventory)
    {
        var random = new Random(SoakLimits.BaseSeed);
        var skus = new List<string>();
        for (var i = 0; i < SoakLimits.Skus; i++)
        {
            skus.Add(await inventory.NewSkuAsync(SoakLimits.Locations.Select(l => (l, random.Next(6, 16))).ToArray()));
        }
        return skus;
    }
}
