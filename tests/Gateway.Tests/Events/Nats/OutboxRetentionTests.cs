using Dapper;
using IntegrationGateway.ProcessApis.Events;
using IntegrationGateway.ServiceDefaults.Events;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Nats;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationGateway.Gateway.Tests.Events.Nats;

public sealed class OutboxRetentionTests
{
    [Fact]
    public async Task OverNatsOnlyRowsThatReachedTheBrokerArePrunedPastTheRetention()
    {
        await using var broker = await NatsServer.StartAsync();
        await using var stack = Stack.Start(new StackOptions { NatsUrl = broker.Url });
        await using var connection = await stack.Process.Services.GetRequiredService<Database>().OpenAsync(CancellationToken.None);
        await InsertOldRowsAsync(connection);

        await stack.Process.Services.GetRequiredService<OutboxPruner>().PruneAsync(CancellationToken.None);

        Assert.Equal(["old-unpublished"], await connection.QueryAsync<string>("SELECT event_id FROM outbox_events WHERE event_id LIKE 'old-%'"));
    }

    [Fact]
    public async Task OverHttpRowsPastTheRetentionArePrunedWhateverTheirPublishedAt()
    {
        await using var stack = Stack.Start();
        await using var connection = await stack.Process.Services.GetRequiredService<Database>().OpenAsync(CancellationToken.None);
        await InsertOldRowsAsync(connection);

        await stack.Process.Services.GetRequiredService<OutboxPruner>().PruneAsync(CancellationToken.None);

        Assert.Empty(await connection.QueryAsync<string>("SELECT event_id FROM outbox_events WHERE event_id LIKE 'old-%'"));
    }

    [Theory]
    [InlineData("SKU-0001_a", "SKU-0001_a")]
    [InlineData("A.B", "~QS5C")]
    [InlineData("~QS5C", "~flFTNUM")]
    public void ASkuOutsideTheSubjectAlphabetBecomesBase64Url(string sku, string token) => Assert.Equal(token, InventoryStream.Token(sku));

    private static Task InsertOldRowsAsync(System.Data.Common.DbConnection connection)
    {
        // Older than the default retention of 30 days; one of them the relay has not sent yet.
        var old = DateTimeOffset.UtcNow.AddDays(-31).ToUnixTimeMilliseconds();
        return connection.ExecuteAsync("""
            INSERT INTO outbox_events (event_id, type, subject, data, occurred_at, published_at)
            VALUES ('old-published', 'test.old', 'x', '{}', @old, @old), ('old-unpublished', 'test.old', 'x', '{}', @old, NULL)
            """, new { old });
    }
}
