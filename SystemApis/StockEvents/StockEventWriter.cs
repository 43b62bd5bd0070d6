using System.Data.Common;
using Dapper;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.SystemApis.Balances;

namespace IntegrationGateway.SystemApis.StockEvents;

/// <summary>
/// Writes a stock.changed event inside the caller's transaction, with the balance as it stands in that transaction:
/// the quantities are those of the commit, never rebuilt when the event is read.
/// </summary>
public static class StockEventWriter
{
    // The ETA depends only on the balance's inbound ledger rows, so a change that moved no inbound units keeps the ETA
    // of the balance's latest event (one indexed row) instead of replaying its purchase orders on every reservation.
    private const string CarriedEta = """
        CASE WHEN b.inbound > 0 THEN (SELECT e.inbound_eta FROM stock_events e WHERE e.sku = b.sku AND e.location = b.location
                                      ORDER BY e.position DESC LIMIT 1) END
        """;

    /// <summary>
    /// The event of one balance whose inbound units may have moved, its ETA worked out again. The usual change, which
    /// moved none, sends <see cref="CarriedEtaSql"/> with its ledger row instead.
    /// </summary>
    public static async Task AppendAsync(DbConnection connection, DbTransaction transaction, string sku, string location, string? correlationId, long occurredAt, CancellationToken cancellationToken)
    {
        await Database.SerializeAppendsAsync(connection, transaction, Ledger.LedgerWriter.Stream, cancellationToken);
        // Read after the change's ledger row, in its transaction: the ETA is the one this commit makes.
        var eta = await InboundEtas.OfBalanceAsync(connection, transaction, sku, location, cancellationToken);
        await WriteAsync(connection, transaction, "b.sku = @sku AND b.location = @location", "@inboundEta",
            new { sku, location, correlationId, occurredAt, inboundEta = eta?.ToUnixTimeMilliseconds() }, cancellationToken);
    }

    /// <summary>The events of every balance of a SKU: its item changed (a new SKU, or a new class, which picks the channels' rules); no inbound units moved.</summary>
    public static async Task AppendForSkuAsync(DbConnection connection, DbTransaction transaction, string sku, string? correlationId, long occurredAt, CancellationToken cancellationToken)
    {
        await Database.SerializeAppendsAsync(connection, transaction, Ledger.LedgerWriter.Stream, cancellationToken);
        await WriteAsync(connection, transaction, "b.sku = @sku", CarriedEta, new { sku, location = (string?)null, correlationId, occurredAt }, cancellationToken);
    }

    // The ledger's append lock, taken by the callers (a no-op when the ledger row took it a moment ago), orders these rows too.
    private static async Task WriteAsync(DbConnection connection, DbTransaction transaction, string where, string eta, object parameters, CancellationToken cancellationToken)
    {
        var arguments = new DynamicParameters(parameters);
        arguments.Add("eventPrefix", NewEventPrefix());
        await connection.ExecuteAsync(new CommandDefinition(Sql(where, eta), arguments, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>A version 7 id per row (with the location after it): unique, and in time order, which helps whoever stores them.</summary>
    public static string NewEventPrefix() => Guid.CreateVersion7().ToString("N") + "@";

    /// <summary>
    /// The insert of the events of the balances <paramref name="where"/> selects, as they stand in the transaction; its
    /// parameters are @eventPrefix and those named, so a caller can send it in one command with its own statements.
    /// </summary>
    public static string Sql(string where, string eta, string correlationId = "@correlationId", string occurredAt = "@occurredAt") => $"""
        INSERT INTO stock_events (event_id, sku, location, sku_class, on_hand, reserved, allocated, damaged, inspection,
                                  in_transit, inbound, inbound_eta, safety_stock, version, correlation_id, occurred_at)
        SELECT @eventPrefix || b.location, b.sku, b.location, i.sku_class, b.on_hand, b.reserved, b.allocated, b.damaged,
               b.inspection, b.in_transit, b.inbound, {eta}, b.safety_stock, b.version, {correlationId}, {occurredAt}
        FROM balances b JOIN items i ON i.sku = b.sku
        WHERE {where}
        """;

    /// <summary>The event of a balance whose inbound units did not move: it keeps the ETA of the balance's latest event.</summary>
    public static string CarriedEtaSql(string sku, string location, string correlationId, string occurredAt) =>
        Sql($"b.sku = {sku} AND b.location = {location}", CarriedEta, correlationId, occurredAt);
}
