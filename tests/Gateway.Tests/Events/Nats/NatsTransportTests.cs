using System.Net;
using System.Text;
using Dapper;
using IntegrationGateway.ExperienceApis.ReadModels;
using IntegrationGateway.ExperienceApis.ReadModels.Nats;
using IntegrationGateway.ServiceDefaults.Events;
using IntegrationGateway.ServiceDefaults.Feeds;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.TestSupport;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;
using IntegrationGateway.TestSupport.Nats;
using Microsoft.Extensions.DependencyInjection;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace IntegrationGateway.Gateway.Tests.Events.Nats;

public sealed class EventDrivenAvailabilityOverNatsOnSqliteTests(NatsStackFixture fixture) : IClassFixture<NatsStackFixture>
{
    [Fact]
    public Task ReadModelsEqualTheProcessAvailability() => EventDrivenAvailability.ReadModelsEqualTheProcessAvailabilityAsync(fixture.Stack);

    [Fact]
    public Task SequencesHaveNoGapsAndPreviousIsTheLastFigure() => EventDrivenAvailability.SequencesHaveNoGapsAndPreviousIsTheLastFigureAsync(fixture.Stack);

    [Fact]
    public Task B2bAnswersEqualTheProcessFiguresIncludingBackorderEta() => B2bFromTheReadModel.B2bAnswersEqualTheProcessFiguresIncludingBackorderEtaAsync(fixture.Stack);
}

public sealed class EventDrivenAvailabilityOverNatsOnPostgresTests(NatsPostgresStackFixture fixture) : IClassFixture<NatsPostgresStackFixture>
{
    [Fact]
    public Task ReadModelsEqualTheProcessAvailability() => EventDrivenAvailability.ReadModelsEqualTheProcessAvailabilityAsync(fixture.Stack);

    [Fact]
    public Task SequencesHaveNoGapsAndPreviousIsTheLastFigure() => EventDrivenAvailability.SequencesHaveNoGapsAndPreviousIsTheLastFigureAsync(fixture.Stack);

    [Fact]
    public Task B2bAnswersEqualTheProcessFiguresIncludingBackorderEta() => B2bFromTheReadModel.B2bAnswersEqualTheProcessFiguresIncludingBackorderEtaAsync(fixture.Stack);
}

/// <summary>At least once on the wire, once in effect: repeats are dropped by the broker (Nats-Msg-Id) or by the reader (sequence).</summary>
public sealed class NatsDeliveryTests
{
    [Fact]
    public async Task ARelayThatPublishesAgainAddsNothingToTheStream()
    {
        await using var broker = await NatsServer.StartAsync();
        await using var stack = Stack.Start(new StackOptions { NatsUrl = broker.Url });
        var sku = await stack.Inventory().NewSkuAsync(("EU-1", 4));
        await stack.Inventory().ReceiveAsync(sku, "EU-1", 2);
        await stack.SettleAsync();
        await using var nats = new NatsConnection(new NatsOpts { Url = broker.Url });
        var js = new NatsJSContext(nats);
        var stored = (await js.GetStreamAsync("INVENTORY")).Info.State.Messages;

        // As after a crash between the broker's ack and the mark: every row is sent again under its own id.
        await using (var connection = await stack.Process.Services.GetRequiredService<Database>().OpenAsync(CancellationToken.None))
        {
            Assert.True(await connection.ExecuteAsync("UPDATE outbox_events SET published_at = NULL") > 0);
        }
        stack.Process.Services.GetRequiredService<FeedSignal>().Pulse();
        await UntilAsync(async () =>
        {
            await using var connection = await stack.Process.Services.GetRequiredService<Database>().OpenAsync(CancellationToken.None);
            return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox_events WHERE published_at IS NULL") == 0;
        });

        Assert.Equal(stored, (await js.GetStreamAsync("INVENTORY")).Info.State.Messages);
        await AssertReadModelEqualsTheProcessAsync(stack, "storefront", sku);
    }

    [Fact]
    public async Task AnEventDeliveredTwiceIsAppliedOnce()
    {
        await using var broker = await NatsServer.StartAsync();
        await using var stack = Stack.Start(new StackOptions { NatsUrl = broker.Url });
        var sku = await stack.Inventory().NewSkuAsync(("EU-1", 4));
        await stack.Inventory().ReceiveAsync(sku, "EU-1", 3);
        await stack.SettleAsync();
        var feeder = stack.Storefront.Services.GetRequiredService<NatsReadModelFeeder>();
        var duplicates = feeder.Duplicates;

        // Every event of the SKU again, under new message ids, so the broker stores and delivers them a second time.
        await using var nats = new NatsConnection(new NatsOpts { Url = broker.Url });
        var js = new NatsJSContext(nats);
        await using (var connection = await stack.Process.Services.GetRequiredService<Database>().OpenAsync(CancellationToken.None))
        {
            var rows = (await connection.QueryAsync<(long Position, string Channel, string Data)>(
                "SELECT position, channel_id, data FROM outbox_events WHERE sku = @sku ORDER BY position", new { sku })).ToList();
            Assert.NotEmpty(rows);
            foreach (var row in rows)
            {
                var ack = await js.PublishAsync(InventoryStream.Subject(row.Channel, sku), Encoding.UTF8.GetBytes(row.Data),
                    headers: new NatsHeaders { [InventoryStream.PositionHeader] = row.Position.ToString(System.Globalization.CultureInfo.InvariantCulture) });
                ack.EnsureSuccess();
            }
            await UntilAsync(() => Task.FromResult(feeder.Duplicates - duplicates == rows.Count));
        }

        await AssertReadModelEqualsTheProcessAsync(stack, "storefront", sku);
    }

    [Fact]
    public async Task EveryEventArrivesOnceAfterTheBrokerComesBack()
    {
        await using var broker = await NatsServer.StartAsync();
        await using var stack = Stack.Start(new StackOptions { NatsUrl = broker.Url });
        var inventory = stack.Inventory();
        var skus = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            skus.Add(await inventory.NewSkuAsync(("EU-1", 5), ("US-1", 2)));
        }
        await stack.SettleAsync();
        var feeder = stack.Storefront.Services.GetRequiredService<NatsReadModelFeeder>();

        await broker.KillAsync();
        var shop = stack.StorefrontClient("nats-outage");
        foreach (var sku in skus)
        {
            await inventory.ReceiveAsync(sku, "EU-1", 3);
            Assert.Equal(HttpStatusCode.Created, (await shop.PlaceOrderAsync(OrderRequests.Order((sku, 2)))).StatusCode);
        }
        var database = stack.Process.Services.GetRequiredService<Database>();
        await UntilAsync(async () =>
        {
            await using var connection = await database.OpenAsync(CancellationToken.None);
            return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox_events WHERE published_at IS NULL") > 0;
        });
        await broker.StartAgainAsync();
        await stack.SettleAsync();

        // Each outbox row is in the stream once, and each channel x SKU reached the sequence the process API published.
        await using var nats = new NatsConnection(new NatsOpts { Url = broker.Url });
        var js = new NatsJSContext(nats);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        Assert.Equal(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox_events"), (long)(await js.GetStreamAsync("INVENTORY")).Info.State.Messages);
        var model = stack.Storefront.Services.GetRequiredService<AvailabilityReadModel>();
        var published = await connection.QueryAsync<(string Channel, string Sku, long Sequence)>(
            "SELECT channel_id, sku, sequence FROM channel_availability WHERE channel_id = 'storefront'");
        var view = await model.ViewAsync("storefront", CancellationToken.None);
        foreach (var (_, sku, sequence) in published.Where(p => skus.Contains(p.Sku)))
        {
            Assert.Equal(sequence, view.Find(sku)?.Sequence);
        }
        foreach (var sku in skus)
        {
            await AssertReadModelEqualsTheProcessAsync(stack, "storefront", sku);
        }
        // The events came through the same consumer once the broker was back: the views were not read again.
        Assert.Equal(1, feeder.Starts);
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        Assert.True(await Eventually.ReachesAsync(condition, done => done, TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(20)), "The condition did not hold within 15 s.");
    }

    private static async Task AssertReadModelEqualsTheProcessAsync(Stack stack, string channel, string sku)
    {
        await stack.SettleAsync();
        var view = await stack.Storefront.Services.GetRequiredService<AvailabilityReadModel>().ViewAsync(channel, CancellationToken.None);
        var admin = stack.Process.Client(TestTokens.Admin("nats-check"));
        var truth = await (await admin.GetAsync($"/process/v1/availability?channel={channel}&sku={sku}")).JsonAsync(HttpStatusCode.OK);
        var item = truth.GetProperty("items").EnumerateArray().Single();
        var figure = view.Find(sku);
        Assert.True(figure is not null, $"The read model of {channel} has no figure of {sku}.");
        Assert.Equal(item.GetProperty("available").GetInt32(), figure.Available);
    }
}
