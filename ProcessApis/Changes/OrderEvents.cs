using System.Data.Common;
using System.Text.Json;

namespace IntegrationGateway.ProcessApis.Changes;

/// <summary>
/// The order.* events (order.reserved, order.backordered, order.released, order.shorted, order.allocated,
/// order.shipped), written in the transaction that moves the order, with what the move was as their data.
/// </summary>
public static class OrderEvents
{
    public const string Reserved = "order.reserved";
    public const string Backordered = "order.backordered";
    public const string Released = "order.released";
    public const string Shorted = "order.shorted";
    public const string Allocated = "order.allocated";
    public const string Shipped = "order.shipped";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task AppendAsync(DbConnection connection, DbTransaction transaction, string type, string orderId, string channel, object data, long now, CancellationToken cancellationToken) =>
        Outbox.AppendAsync(connection, transaction,
            [new OutboxEvent { EventId = Guid.CreateVersion7().ToString("N"), Type = type, Subject = $"orders/{orderId}", ChannelId = channel, Data = JsonSerializer.Serialize(data, Json), OccurredAt = now }],
            cancellationToken);
}
