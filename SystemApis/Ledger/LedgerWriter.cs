using System.Data.Common;
using Dapper;

namespace IntegrationGateway.SystemApis.Ledger;

/// <summary>Appends ledger rows inside the caller's transaction, so a balance never moves without its row.</summary>
public static class LedgerWriter
{
    public static Task AppendAsync(DbConnection connection, DbTransaction transaction, LedgerEntry entry, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO ledger (sku, location, movement_type, on_hand_delta, reserved_delta, allocated_delta, damaged_delta,
                                inspection_delta, in_transit_delta, inbound_delta, safety_stock_delta, reason, reference,
                                idempotency_key, correlation_id, created_at)
            VALUES (@Sku, @Location, @MovementType, @OnHandDelta, @ReservedDelta, @AllocatedDelta, @DamagedDelta,
                    @InspectionDelta, @InTransitDelta, @InboundDelta, @SafetyStockDelta, @Reason, @Reference,
                    @IdempotencyKey, @CorrelationId, @CreatedAt)
            """;
        return connection.ExecuteAsync(new CommandDefinition(sql, entry, transaction, cancellationToken: cancellationToken));
    }
}
