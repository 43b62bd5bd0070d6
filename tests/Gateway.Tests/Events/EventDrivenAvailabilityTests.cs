using System.Net;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;

namespace IntegrationGateway.Gateway.Tests.Events;

public sealed class EventDrivenAvailabilityOnSqliteTests(SqliteStackFixture fixture) : IClassFixture<SqliteStackFixture>
{
    [Fact]
    public Task ReadModelsEqualTheProcessAvailability() => EventDrivenAvailability.ReadModelsEqualTheProcessAvailabilityAsync(fixture.Stack);

    [Fact]
    public Task SequencesHaveNoGapsAndPreviousIsTheLastFigure() => EventDrivenAvailability.SequencesHaveNoGapsAndPreviousIsTheLastFigureAsync(fixture.Stack);

    [Fact]
    public Task OrderMovesAreEvents() => EventDrivenAvailability.OrderMovesAreEventsAsync(fixture.Stack);

    [Fact]
    public Task B2bAnswersEqualTheProcessFiguresIncludingBackorderEta() => B2bFromTheReadModel.B2bAnswersEqualTheProcessFiguresIncludingBackorderEtaAsync(fixture.Stack);
}

public sealed class EventDrivenAvailabilityOnPostgresTests(PostgresStackFixture fixture) : IClassFixture<PostgresStackFixture>
{
    [Fact]
    public Task ReadModelsEqualTheProcessAvailability() => EventDrivenAvailability.ReadModelsEqualTheProcessAvailabilityAsync(fixture.Stack);

    [Fact]
    public Task SequencesHaveNoGapsAndPreviousIsTheLastFigure() => EventDrivenAvailability.SequencesHaveNoGapsAndPreviousIsTheLastFigureAsync(fixture.Stack);

    [Fact]
    public Task OrderMovesAreEvents() => EventDrivenAvailability.OrderMovesAreEventsAsync(fixture.Stack);

    [Fact]
    public Task B2bAnswersEqualTheProcessFiguresIncludingBackorderEta() => B2bFromTheReadModel.B2bAnswersEqualTheProcessFiguresIncludingBackorderEtaAsync(fixture.Stack);
}

/// <summary>The read path asks nothing of the process API: with it gone, reads go on with the last figures and say how old they are.</summary>
public sealed class ReadModelWithoutTheProcessApiTests
{
    [Fact]
    public async Task ReadsKeepAnsweringWhileTheProcessApiIsDown()
    {
        await using var stack = Stack.Start();
        var sku = await stack.Inventory().NewSkuAsync(("EU-1", 7));
        var storefront = stack.Storefront.Client(TestTokens.Storefront("offline-reader"));
        var before = await (await storefront.GetAsync($"/storefront/v2/availability/{sku}")).JsonAsync(HttpStatusCode.OK);

        await stack.Process.DisposeAsync();
        stack.Storefront.BeforeAvailabilityRead = null;
        using var offline = stack.Storefront.Client(TestTokens.Storefront("offline-reader"));
        var during = await offline.GetAsync($"/storefront/v2/availability/{sku}");

        Assert.Equal(HttpStatusCode.OK, during.StatusCode);
        Assert.Equal(7, before.GetProperty("total").GetProperty("available").GetInt32());
        Assert.Equal(7, (await during.JsonAsync(HttpStatusCode.OK)).GetProperty("total").GetProperty("available").GetInt32());
        Assert.NotNull(during.Headers.Age);
    }

    [Fact]
    public async Task B2bQueriesKeepAnsweringWithBackorderEtasWhileTheProcessApiIsDown()
    {
        await using var stack = Stack.Start();
        var eta = new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var stocked = await stack.Inventory().NewSkuAsync(("US-1", 3));
        var soldOut = await stack.Inventory().NewSkuAsync();
        await stack.PostErpMovementAsync(soldOut, "EU-1", "purchase-order", 4, eta);
        var buyer = stack.Storefront.Client(TestTokens.For("offline-buyer", "b2b", TestTokens.StorefrontScopes));
        var before = await (await buyer.QueryB2bAvailabilityAsync([stocked, soldOut])).JsonAsync(HttpStatusCode.OK);

        await stack.Process.DisposeAsync();
        stack.Storefront.BeforeAvailabilityRead = null;
        using var offline = stack.Storefront.Client(TestTokens.For("offline-buyer", "b2b", TestTokens.StorefrontScopes));
        var during = await offline.QueryB2bAvailabilityAsync([stocked, soldOut]);

        var body = await during.JsonAsync(HttpStatusCode.OK);
        Assert.NotNull(during.Headers.Age);
        Assert.Equal(before.GetRawText(), body.GetRawText());
        var items = B2bRequests.ItemsBySku(body);
        Assert.Equal(3, items[stocked].GetProperty("available").GetInt32());
        Assert.Equal(0, items[soldOut].GetProperty("available").GetInt32());
        Assert.Equal(eta, B2bRequests.BackorderEta(items[soldOut]));
    }
}
