using System.Data.Common;
using Dapper;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.SystemApis.Idempotency;

namespace IntegrationGateway.SystemApis.Rebuild;

/// <summary>
/// Recomputes every balance from its ledger rows (the ledger is the truth; a balance is its running sum) and, when
/// asked, sets the differing balances to the rebuilt values. It writes no ledger row: nothing moved, the balance
/// is brought back to what the ledger already says.
/// </summary>
public sealed class RebuildStore(TimeProvider time)
{
    public async Task<StoredAnswer> RebuildAsync(DbConnection connection, DbTransaction transaction, bool apply, CancellationToken cancellationToken)
    {
        if (apply)
        {
            // A movement committed between reading and writing a balance would be overwritten by a stale sum.
            await Database.ExcludeWritersAsync(connection, transaction, "balances", cancellationToken);
        }
        // One statement, so one snapshot: every change commits its balance and its ledger row together.
        const string compare = """
            SELECT b.sku AS Sku, b.location AS Location,
                   b.on_hand AS LiveOnHand, b.reserved AS LiveReserved, b.allocated AS LiveAllocated, b.damaged AS LiveDamaged,
                   b.inspection AS LiveInspection, b.in_transit AS LiveInTransit, b.inbound AS LiveInbound, b.safety_stock AS LiveSafetyStock,
                   COALESCE(l.on_hand, 0) AS OnHand, COALESCE(l.reserved, 0) AS Reserved, COALESCE(l.allocated, 0) AS Allocated,
                   COALESCE(l.damaged, 0) AS Damaged, COALESCE(l.inspection, 0) AS Inspection, COALESCE(l.in_transit, 0) AS InTransit,
                   COALESCE(l.inbound, 0) AS Inbound, COALESCE(l.safety_stock, 0) AS SafetyStock
            FROM balances b
            LEFT JOIN (
                SELECT sku, location, SUM(on_hand_delta) AS on_hand, SUM(reserved_delta) AS reserved, SUM(allocated_delta) AS allocated,
                       SUM(damaged_delta) AS damaged, SUM(inspection_delta) AS inspection, SUM(in_transit_delta) AS in_transit,
                       SUM(inbound_delta) AS inbound, SUM(safety_stock_delta) AS safety_stock
                FROM ledger GROUP BY sku, location
            ) l ON l.sku = b.sku AND l.location = b.location
            ORDER BY b.sku, b.location
            """;
        var balances = (await connection.QueryAsync<RebuiltBalance>(new CommandDefinition(compare, transaction: transaction, cancellationToken: cancellationToken))).AsList();
        var differing = balances.Where(b => b.Differences().Any()).ToList();

        if (apply && differing.FirstOrDefault(b => !b.RebuildsToAValidBalance) is { } invalid)
        {
            return StoredAnswer.Problem(Problem.Details(409, ProblemTypes.LedgerInconsistent, "The ledger rebuilds a balance the store refuses.",
                $"The ledger of {invalid.Sku} at {invalid.Location} sums to a negative or oversold balance; nothing was changed.",
                new Dictionary<string, object?> { ["sku"] = invalid.Sku, ["location"] = invalid.Location }));
        }
        if (apply)
        {
            const string heal = """
                UPDATE balances SET on_hand = @OnHand, reserved = @Reserved, allocated = @Allocated, damaged = @Damaged,
                                    inspection = @Inspection, in_transit = @InTransit, inbound = @Inbound, safety_stock = @SafetyStock,
                                    version = version + 1
                WHERE sku = @Sku AND location = @Location
                """;
            foreach (var balance in differing)
            {
                await connection.ExecuteAsync(new CommandDefinition(heal, balance, transaction, cancellationToken: cancellationToken));
                // The rebuilt inbound may differ from the stored one, and the ETA with it.
                await StockEvents.StockEventWriter.AppendAsync(connection, transaction, balance.Sku, balance.Location, null, time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
            }
        }
        return StoredAnswer.Json(200, new RebuildReport
        {
            BalancesChecked = balances.Count,
            Differences = differing.SelectMany(b => b.Differences()).ToList(),
            Applied = apply,
        });
    }
}
