using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ExperienceApis.ReadModels;
using IntegrationGateway.TestSupport;
using IntegrationGateway.TestSupport.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace IntegrationGateway.Gateway.Tests.Events;

/// <summary>Each read model counter moves when its cause happens, for the channel it happens to.</summary>
public sealed class ReadModelCounterTests(SqliteStackFixture fixture) : IClassFixture<SqliteStackFixture>
{
    private readonly Stack _stack = fixture.Stack;

    [Fact]
    public async Task AnAppliedEventIsCountedForItsChannel()
    {
        using var applied = Collect<long>(ReadModelMetrics.Applied);
        // A view built by the event itself would already hold its figure (the event is then a duplicate): build it first.
        await _stack.Storefront.Services.GetRequiredService<AvailabilityReadModel>().ViewAsync("storefront", CancellationToken.None);
        await _stack.SettleAsync();
        var before = Sum(applied, "storefront");

        await _stack.Inventory().NewSkuAsync(("EU-1", 3));
        await _stack.SettleAsync();

        Assert.True(Sum(applied, "storefront") > before, "The new SKU's storefront figure was applied but not counted.");
    }

    [Fact]
    public async Task ARepeatedEventIsDroppedAndCountedAsADuplicate()
    {
        var (model, figure) = await SettledFigureAsync();
        using var duplicates = Collect<long>(ReadModelMetrics.Duplicates);
        using var applied = Collect<long>(ReadModelMetrics.Applied);

        var result = await model.ApplyAsync(ChangeOf(figure, figure.Sequence, available: figure.Available + 5), 0, null, CancellationToken.None);

        Assert.Equal(ApplyResult.Duplicate, result);
        Assert.Equal(1, Sum(duplicates, "storefront"));
        Assert.Equal(0, Sum(applied, "storefront"));
        Assert.Equal(figure.Available, (await model.ViewAsync("storefront", CancellationToken.None)).Find(figure.Sku)!.Available);
    }

    [Fact]
    public async Task ASkippedSequenceIsReReadFromTheProcessApiAndCountedAsAGap()
    {
        var (model, figure) = await SettledFigureAsync();
        using var gaps = Collect<long>(ReadModelMetrics.Gaps);

        var result = await model.ApplyAsync(ChangeOf(figure, figure.Sequence + 2, available: 999), 0, null, CancellationToken.None);

        Assert.Equal(ApplyResult.Gap, result);
        Assert.Equal(1, Sum(gaps, "storefront"));
        var held = (await model.ViewAsync("storefront", CancellationToken.None)).Find(figure.Sku)!;
        Assert.Equal((figure.Available, figure.Sequence), (held.Available, held.Sequence));
    }

    private async Task<(AvailabilityReadModel Model, Figure Figure)> SettledFigureAsync()
    {
        var sku = await _stack.Inventory().NewSkuAsync(("EU-1", 4));
        await _stack.SettleAsync();
        var model = _stack.Storefront.Services.GetRequiredService<AvailabilityReadModel>();
        return (model, (await model.ViewAsync("storefront", CancellationToken.None)).Find(sku)!);
    }

    private static AvailabilityChange ChangeOf(Figure figure, long sequence, int available) => new()
    {
        Channel = "storefront", Sku = figure.Sku, Available = available, Previous = figure.Available, Sequence = sequence,
        Locations = [new LocationAvailability { Location = "EU-1", Available = available }], SourceVersion = 0,
    };

    private MetricCollector<T> Collect<T>(string instrument) where T : struct =>
        new(_stack.Storefront.Services.GetRequiredService<IMeterFactory>(), ReadModelMetrics.MeterName, instrument);

    private static long Sum(MetricCollector<long> collector, string channel) =>
        collector.GetMeasurementSnapshot().Where(m => Equals(m.Tags[ReadModelMetrics.ChannelTag], channel)).Sum(m => m.Value);
}

/// <summary>The staleness and lag gauges, and readiness, follow what the feed says: each moves when its cause happens.</summary>
public sealed class ReadModelStalenessTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task AQuietChannelWhoseFeedAnswersIsNotStaleButOneWhoseFeedIsDownIsAndDegradesReadiness()
    {
        var clock = new ShiftedClock();
        await using var stack = Stack.Start(new StackOptions
        {
            ExperienceServices = services => services.AddSingleton<TimeProvider>(clock),
            ExperienceSettings = new Dictionary<string, string?> { ["ReadModels:StaleAfter"] = Limit.ToString() },
        });
        await stack.Inventory().NewSkuAsync(("EU-1", 2));
        await stack.SettleAsync();
        await stack.Storefront.Services.GetRequiredService<AvailabilityReadModel>().ViewAsync("storefront", CancellationToken.None);
        using var staleness = new MetricCollector<double>(stack.Storefront.Services.GetRequiredService<IMeterFactory>(), ReadModelMetrics.MeterName, ReadModelMetrics.Staleness);
        var health = stack.Storefront.Client();

        // Within the tokens' clock skew, so the experience API's own token still passes at the process API. No event
        // arrives, so the last one is now 20 s old; the feed's next word that nothing is waiting makes the view current.
        clock.Advance(TimeSpan.FromSeconds(20));
        var current = await Eventually.ReachesAsync(() => Task.FromResult(Observe(staleness, "storefront")), s => s < Limit.TotalSeconds, TimeSpan.FromSeconds(30));
        var ready = await HealthAsync(health);

        await stack.Process.DisposeAsync();
        // Moved on after the process API is gone, so no late word from its feed can make the view current again.
        var stale = await Eventually.ReachesAsync(() =>
        {
            clock.Advance(TimeSpan.FromSeconds(30));
            return Task.FromResult(Observe(staleness, "storefront"));
        }, s => s > 60, TimeSpan.FromSeconds(30));
        var degraded = await HealthAsync(health);

        Assert.True(current < Limit.TotalSeconds, $"A quiet storefront whose feed answers reported {current} s.");
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.True(stale > 60, $"With the process API down the storefront view reported {stale} s.");
        Assert.Equal("Degraded", degraded.GetProperty("status").GetString());
        var check = degraded.GetProperty("checks").GetProperty("read-models");
        Assert.Contains("storefront", check.GetProperty("description").GetString());
        Assert.True(check.GetProperty("data").GetProperty("stalenessSeconds").GetProperty("storefront").GetDouble() > 60);
    }

    [Fact]
    public async Task EventsPublishedPastThePageThisInstanceAppliedAreItsLag()
    {
        var gate = new FeedGate();
        await using var stack = Stack.Start(new StackOptions
        {
            ExperienceServices = services => services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(() => new FeedGate.Handler(gate))),
        });
        await stack.Inventory().NewSkuAsync(("EU-1", 2));
        await stack.SettleAsync();
        var model = stack.Storefront.Services.GetRequiredService<AvailabilityReadModel>();
        await model.ViewAsync("storefront", CancellationToken.None);
        using var lag = new MetricCollector<long>(stack.Storefront.Services.GetRequiredService<IMeterFactory>(), ReadModelMetrics.MeterName, ReadModelMetrics.Lag);
        var caughtUp = Observe(lag, "storefront");

        gate.Hold();
        await gate.WaitingAsync();
        var published = await PublishedAsync(stack);
        for (var i = 0; i < 3; i++)
        {
            await stack.Inventory().NewSkuAsync(("US-1", 1 + i));
        }
        await Eventually.ReachesAsync(() => PublishedAsync(stack), p => p >= published + 3, TimeSpan.FromSeconds(15));
        // One page of one event goes through; the next request waits at the gate, so the lag stays as that page left it.
        gate.PassOne();
        var behind = await Eventually.ReachesAsync(() => Task.FromResult(Observe(lag, "storefront")), l => l > 0, TimeSpan.FromSeconds(15));
        gate.Open();
        await stack.SettleAsync();
        var after = await Eventually.ReachesAsync(() => Task.FromResult(Observe(lag, "storefront")), l => l == 0, TimeSpan.FromSeconds(15));

        Assert.Equal(0, caughtUp);
        Assert.True(behind >= 2, $"Three SKUs' events were published and one page of one event applied; the lag said {behind}.");
        Assert.Equal(0, after);
    }

    private static T Observe<T>(MetricCollector<T> collector, string channel) where T : struct
    {
        collector.RecordObservableInstruments();
        return collector.GetMeasurementSnapshot(clear: true).Last(m => Equals(m.Tags[ReadModelMetrics.ChannelTag], channel)).Value;
    }

    private static async Task<JsonElement> HealthAsync(HttpClient client)
    {
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static async Task<long> PublishedAsync(Stack stack)
    {
        await using var connection = await stack.Process.Services.GetRequiredService<IntegrationGateway.ServiceDefaults.Storage.Database>().OpenAsync(CancellationToken.None);
        return await Dapper.SqlMapper.ExecuteScalarAsync<long?>(connection, "SELECT MAX(position) FROM outbox_events") ?? 0;
    }
}
