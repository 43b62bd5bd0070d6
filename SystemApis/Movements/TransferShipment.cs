using System.Data.Common;
using Dapper;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.SystemApis.Balances;
using IntegrationGateway.SystemApis.Idempotency;
using IntegrationGateway.SystemApis.Ledger;

namespace IntegrationGateway.SystemApis.Movements;

/// <summary>
/// A transfer leaving <c>location</c>: on-hand down there (never below committed stock), in-transit up at
/// <c>toLocation</c>, and a ledger row at each, in one transaction. The answer is the shipping balance.
/// </summary>
public static class TransferShipment
{
    private const string Savepoint = "transfer_ship";

    public static async Task<StoredAnswer> ShipAsync(DbConnection connection, DbTransaction transaction, MovementRequest request, Provenance provenance,
        long now, CancellationToken cancellationToken)
    {
        const string ship = $"""
            UPDATE balances SET on_hand = on_hand - @Quantity, version = version + 1
            WHERE sku = @Sku AND location = @Location
              AND on_hand - @Quantity >= reserved + allocated + damaged + inspection
            RETURNING {BalanceRow.Columns}
            """;
        const string expect = $"""
            UPDATE balances SET in_transit = in_transit + @Quantity, version = version + 1
            WHERE sku = @Sku AND location = @Location
            RETURNING {BalanceRow.Columns}
            """;
        var to = request.ToLocation!;
        Task<BalanceRow?> Update(string sql, string location) => connection.QuerySingleOrDefaultAsync<BalanceRow>(new CommandDefinition(sql,
            new { request.Sku, Location = location, request.Quantity }, transaction, cancellationToken: cancellationToken));

        await transaction.SaveAsync(Savepoint, cancellationToken);
        // Both balances are updated (row-locked) in location order whichever way the transfer goes, so two opposite
        // transfers of one SKU wait for each other instead of deadlocking.
        BalanceRow? source, destination;
        if (string.CompareOrdinal(request.Location, to) < 0)
        {
            source = await Update(ship, request.Location);
            destination = source is null ? null : await Update(expect, to);
        }
        else
        {
            destination = await Update(expect, to);
            source = destination is null ? null : await Update(ship, request.Location);
        }
        if (source is null || destination is null)
        {
            await transaction.RollbackAsync(Savepoint, cancellationToken);
            return await RefusalAsync(connection, transaction, request, cancellationToken);
        }

        await LedgerWriter.AppendAsync(connection, transaction,
            MovementStore.Entry(request, request.Location, provenance, now) with { OnHandDelta = -request.Quantity }, cancellationToken);
        await LedgerWriter.AppendAsync(connection, transaction,
            MovementStore.Entry(request, to, provenance, now) with { InTransitDelta = request.Quantity }, cancellationToken);
        return StoredAnswer.Json(201, source.ToContract());
    }

    private static async Task<StoredAnswer> RefusalAsync(DbConnection connection, DbTransaction transaction, MovementRequest request, CancellationToken cancellationToken)
    {
        var source = await BalanceStore.FindAsync(connection, transaction, request.Sku, request.Location, cancellationToken);
        if (source is null)
        {
            return MovementProblems.NotFound(request.Sku, request.Location);
        }
        return await BalanceStore.FindAsync(connection, transaction, request.Sku, request.ToLocation!, cancellationToken) is null
            ? MovementProblems.NotFound(request.Sku, request.ToLocation!)
            : MovementProblems.Committed(source, -request.Quantity, "The transfer would take on-hand below committed stock at the shipping location.");
    }
}
