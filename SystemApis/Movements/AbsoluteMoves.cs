using System.Data.Common;
using Dapper;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.SystemApis.Balances;
using IntegrationGateway.SystemApis.Idempotency;
using IntegrationGateway.SystemApis.Ledger;

namespace IntegrationGateway.SystemApis.Movements;

/// <summary>
/// Movements whose delta depends on the balance they find: a purchase receipt (inbound falls by what was received, but
/// not below 0: units beyond the purchase order still land on hand) and a safety-stock setting (an absolute figure).
/// Each is a compare-and-set on the version just read, so the ledger delta is exactly what moved.
/// </summary>
public static class AbsoluteMoves
{
    public static async Task<StoredAnswer> SetAsync(DbConnection connection, DbTransaction transaction, MovementRequest request, Provenance provenance,
        long now, CancellationToken cancellationToken)
    {
        const string set = $"""
            UPDATE balances SET on_hand = @OnHand, inbound = @Inbound, safety_stock = @SafetyStock, version = version + 1
            WHERE sku = @Sku AND location = @Location AND version = @Version
            RETURNING {BalanceRow.Columns}
            """;
        while (true)
        {
            var current = await BalanceStore.FindAsync(connection, transaction, request.Sku, request.Location, cancellationToken);
            if (current is null)
            {
                return MovementProblems.NotFound(request.Sku, request.Location);
            }
            var next = request.Type == MovementType.SafetyStock
                ? current with { SafetyStock = request.Quantity }
                : current with { OnHand = current.OnHand + request.Quantity, Inbound = Math.Max(0, current.Inbound - request.Quantity) };
            var moved = await connection.QuerySingleOrDefaultAsync<BalanceRow>(new CommandDefinition(set,
                new { next.OnHand, next.Inbound, next.SafetyStock, request.Sku, request.Location, current.Version }, transaction, cancellationToken: cancellationToken));
            if (moved is not null)
            {
                await LedgerWriter.AppendAsync(connection, transaction, MovementStore.Entry(request, request.Location, provenance, now) with
                {
                    OnHandDelta = next.OnHand - current.OnHand,
                    InboundDelta = next.Inbound - current.Inbound,
                    SafetyStockDelta = next.SafetyStock - current.SafetyStock,
                }, cancellationToken);
                return StoredAnswer.Json(201, moved.ToContract());
            }
            // Another writer committed between the read and the update (PostgreSQL); read again and decide on its result.
        }
    }
}
