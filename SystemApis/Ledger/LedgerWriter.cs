using System.Data.Common;
using Dapper;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.SystemApis.Ledger;

/// <summary>Appends ledger rows inside the caller's transaction, so a balance never moves without its row (nor without its stock.changed event).</summary>
public static class LedgerWriter
{
    /// <summary>
    /// Appends one row. Call it after the transaction's last balance update: from here on the transaction is the only
    /// appender until it ends (so ids commit in order and a reader paging by id never passes a row that commits later),
    /// and holding that while waiting for a balance row could deadlock.
    /// </summary>
    public static async Task AppendAsync(DbConnection connection, DbTransaction transaction, LedgerEntry entry, CancellationToken cancellationToken)
    {
        // reference is the 0001 column for the same document; it stays filled for whoever reads it.
        const string sql = """
            INSERT INTO ledger (sku, location, movement_type, on_hand_delta, reserved_delta, allocated_delta, damaged_delta,
                                inspection_delta, in_transit_delta, inbound_delta, safety_stock_delta, reason, reference,
                                idempotency_key, correlation_id, created_at,
                                source_system, source_event_id, source_sequence, reference_document, expected_at)
            VALUES (@Sku, @Location, @MovementType, @OnHandDelta, @ReservedDelta, @AllocatedDelta, @DamagedDelta,
                    @InspectionDelta, @InTransitDelta, @InboundDelta, @SafetyStockDelta, @Reason, @ReferenceDocument,
                    @IdempotencyKey, @CorrelationId, @CreatedAt,
                    @SourceSystem, @SourceEventId, @SourceSequence, @ReferenceDocument, @ExpectedAt)
            """;
        if (entry.InboundDelta == 0)
        {
            // The usual case: the append lock, the row and its stock.changed event in one command (one round trip on
            // PostgreSQL), since every appender queues behind the lock until this transaction ends.
            var arguments = new DynamicParameters(entry);
            arguments.Add("eventPrefix", StockEvents.StockEventWriter.NewEventPrefix());
            var batch = Database.SerializeAppendsSql(connection, Stream) + sql + ";\n" + StockEvents.StockEventWriter.CarriedEtaSql("@Sku", "@Location", "@CorrelationId", "@CreatedAt");
            await connection.ExecuteAsync(new CommandDefinition(batch, arguments, transaction, cancellationToken: cancellationToken));
            return;
        }
        await Database.SerializeAppendsAsync(connection, transaction, Stream, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, entry, transaction, cancellationToken: cancellationToken));
        // Every balance change has a ledger row, so this is the one place that tells the change feed about it.
        await StockEvents.StockEventWriter.AppendAsync(connection, transaction, entry.Sku, entry.Location, entry.CorrelationId, entry.CreatedAt, cancellationToken);
    }

    /// <summary>The append stream the ledger and the stock events share.</summary>
    public const string Stream = "ledger";
}
