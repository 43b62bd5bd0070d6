using System.Data.Common;
using Dapper;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.SystemApis.Balances;
using IntegrationGateway.SystemApis.Idempotency;
using IntegrationGateway.SystemApis.Ledger;

namespace IntegrationGateway.SystemApis.Movements;

/// <summary>Every movement type: its balance change (one conditional statement) and its ledger rows in the caller's transaction.</summary>
public sealed class MovementStore(TimeProvider time)
{
    public async Task<StoredAnswer> PostAsync(DbConnection connection, DbTransaction transaction, MovementRequest request, Provenance provenance, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return request.Type switch
        {
            MovementType.TransferShip => await TransferShipment.ShipAsync(connection, transaction, request, provenance, now, cancellationToken),
            MovementType.PurchaseReceipt or MovementType.SafetyStock => await AbsoluteMoves.SetAsync(connection, transaction, request, provenance, now, cancellationToken),
            _ => await MoveAsync(connection, transaction, request, provenance, now, cancellationToken),
        };
    }

    public static IDictionary<string, string[]> Validate(MovementRequest request) => MovementValidation.Errors(request);

    /// <summary>The row of a movement at one of its balances, with what the request says about it; the caller adds the deltas.</summary>
    public static Ledger.LedgerEntry Entry(MovementRequest request, string location, Provenance provenance, long now) =>
        provenance.Entry(request.Sku, location, MovementTypes.Name(request.Type), now) with
        {
            Reason = request.Reason,
            ReferenceDocument = request.ReferenceDocument,
            ExpectedAt = request.ExpectedAt?.ToUnixTimeMilliseconds(),
        };

    private static async Task<StoredAnswer> MoveAsync(DbConnection connection, DbTransaction transaction, MovementRequest request, Provenance provenance,
        long now, CancellationToken cancellationToken)
    {
        var balance = await connection.QuerySingleOrDefaultAsync<BalanceRow>(new CommandDefinition(BucketMoves.Statement(request),
            new { request.Sku, request.Location, request.Quantity }, transaction, cancellationToken: cancellationToken));
        if (balance is null)
        {
            var current = await BalanceStore.FindAsync(connection, transaction, request.Sku, request.Location, cancellationToken);
            return current is null ? MovementProblems.NotFound(request.Sku, request.Location) : BucketMoves.Refusal(request, current);
        }
        await LedgerWriter.AppendAsync(connection, transaction, BucketMoves.WithDeltas(Entry(request, request.Location, provenance, now), request), cancellationToken);
        return StoredAnswer.Json(201, balance.ToContract());
    }
}
