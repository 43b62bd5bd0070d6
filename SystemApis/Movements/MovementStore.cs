using System.Data.Common;
using Dapper;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.SystemApis.Balances;
using IntegrationGateway.SystemApis.Idempotency;
using IntegrationGateway.SystemApis.Ledger;

namespace IntegrationGateway.SystemApis.Movements;

/// <summary>Receipts and adjustments: a ledger row and its balance change in the caller's transaction.</summary>
public sealed class MovementStore(TimeProvider time)
{
    public async Task<StoredAnswer> PostAsync(DbConnection connection, DbTransaction transaction, MovementRequest request, Provenance provenance, CancellationToken cancellationToken)
    {
        // An adjustment may take on-hand down only as far as what is already committed (reserved, allocated,
        // damaged, inspection); the refusal names that floor rather than letting a balance go negative.
        const string apply = $"""
            UPDATE balances SET on_hand = on_hand + @Quantity, version = version + 1
            WHERE sku = @Sku AND location = @Location
              AND on_hand + @Quantity >= reserved + allocated + damaged + inspection
            RETURNING {BalanceRow.Columns}
            """;
        var balance = await connection.QuerySingleOrDefaultAsync<BalanceRow>(new CommandDefinition(apply,
            new { request.Sku, request.Location, request.Quantity }, transaction, cancellationToken: cancellationToken));
        if (balance is null)
        {
            return await RefusalAsync(connection, transaction, request, cancellationToken);
        }
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await LedgerWriter.AppendAsync(connection, transaction, provenance.Entry(request.Sku, request.Location, TypeName(request.Type), now) with
        {
            OnHandDelta = request.Quantity,
            Reason = request.Reason,
        }, cancellationToken);
        return StoredAnswer.Json(201, balance.ToContract());
    }

    public static IDictionary<string, string[]> Validate(MovementRequest request) => request.Type switch
    {
        MovementType.Receipt when request.Quantity <= 0 => new Dictionary<string, string[]> { ["quantity"] = ["A receipt adds a positive quantity."] },
        MovementType.Adjustment when request.Quantity == 0 => new Dictionary<string, string[]> { ["quantity"] = ["An adjustment moves a non-zero quantity."] },
        _ => new Dictionary<string, string[]>(),
    };

    private static string TypeName(MovementType type) => type == MovementType.Receipt ? "receipt" : "adjustment";

    private static async Task<StoredAnswer> RefusalAsync(DbConnection connection, DbTransaction transaction, MovementRequest request, CancellationToken cancellationToken)
    {
        var current = await BalanceStore.FindAsync(connection, transaction, request.Sku, request.Location, cancellationToken);
        if (current is null)
        {
            return StoredAnswer.Problem(Problem.Details(404, ProblemTypes.NotFound, "Not found.",
                $"No item {request.Sku} is stocked at location {request.Location}."));
        }
        var committed = current.Reserved + current.Allocated + current.Damaged + current.Inspection;
        return StoredAnswer.Problem(Problem.Details(409, ProblemTypes.StockCommitted, "The adjustment would take on-hand below committed stock.",
            $"On hand {current.OnHand}, committed {committed}; an adjustment of {request.Quantity} is refused.",
            new Dictionary<string, object?> { ["onHand"] = current.OnHand, ["committed"] = committed }));
    }
}
