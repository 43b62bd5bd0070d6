using System.Data.Common;
using Dapper;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.SystemApis.StockEvents;

/// <summary>
/// Writes a stock.changed event inside the caller's transaction, with the balance as it stands in that transaction:
/// the quantities are those of the commit, never rebuilt when the event is read.
/// </summary>
public static class StockEventWriter
{
    /// <summary>The event of one balance.</summary>
    public static Task AppendAsync(DbConnection connection, DbTransaction transaction, string sku, string location, string? correlationId, long occurredAt, CancellationToken cancellationToken) =>
        WriteAsync(connection, transaction, "b.sku = @sku AND b.location = @location", new { sku, location, correlationId, occurredAt }, cancellationToken);

    /// <summary>The events of every balance of a SKU: its item changed (a new SKU, or a new class, which picks the channels' rules).</summary>
    public static Task AppendForSkuAsync(DbConnection connection, DbTransaction transaction, string sku, string? correlationId, long occurredAt, CancellationToken cancellationToken) =>
        WriteAsync(connection, transaction, "b.sku = @sku", new { sku, location = (string?)null, correlationId, occurredAt }, cancellationToken);

    private static async Task WriteAsync(DbConnection connection, DbTransaction transaction, string where, object parameters, CancellationToken cancellationToken)
    {
        // The ledger's append lock orders these rows too (a no-op when the ledger row took it a moment ago).
        await Database.SerializeAppendsAsync(connection, transaction, "ledger", cancellationToken);
        // A version 7 id per row: unique, and in time order, which helps whoever stores them.
        var sql = $"""
            INSERT INTO stock_events (event_id, sku, location, sku_class, on_hand, reserved, allocated, damaged, inspection,
                                      in_transit, inbound, safety_stock, version, correlation_id, occurred_at)
            SELECT @eventPrefix || b.location, b.sku, b.location, i.sku_class, b.on_hand, b.reserved, b.allocated, b.damaged,
                   b.inspection, b.in_transit, b.inbound, b.safety_stock, b.version, @correlationId, @occurredAt
            FROM balances b JOIN items i ON i.sku = b.sku
            WHERE {where}
            """;
        var arguments = new DynamicParameters(parameters);
        arguments.Add("eventPrefix", Guid.CreateVersion7().ToString("N") + "@");
        await connection.ExecuteAsync(new CommandDefinition(sql, arguments, transaction, cancellationToken: cancellationToken));
    }
}
