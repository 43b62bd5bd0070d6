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
}

public sealed class EventDrivenAvailabilityOnPostgresTests(PostgresStackFixture fixture) : IClassFixture<PostgresStackFixture>
{
    [Fact]
    public Task ReadModelsEqualTheProcessAvailability() => EventDrivenAvailability.ReadModelsEqualTheProcessAvailabilityAsync(fixture.Stack);

    [Fact]
    public Task SequencesHaveNoGapsAndPreviousIsTheLastFigure() => EventDrivenAvailability.SequencesHaveNoGapsAndPreviousIsTheLastFigureAsync(fixture.Stack);

    [Fact]
    public Task OrderMovesAreEvents() => EventDrivenAvailability.OrderMovesAreEventsAsync(fixture.Stack);
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
}
