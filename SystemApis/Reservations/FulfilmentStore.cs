using System.Data.Common;
using Dapper;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.SystemApis.Idempotency;
using IntegrationGateway.SystemApis.Ledger;

namespace IntegrationGateway.SystemApis.Reservations;

/// <summary>
/// The ERP's side of fulfilment for one reference, SKU and location: reserved units released to the WMS become
/// allocated, and allocated units the WMS shipped leave on-hand. Both keep reserved + allocated within on-hand.
/// </summary>
public sealed class FulfilmentStore(Database database, TimeProvider time)
{
    public Task<StoredAnswer> AllocateAsync(DbConnection connection, DbTransaction transaction, ReservationLineRequest request, Provenance provenance, CancellationToken cancellationToken) =>
        StepAsync(connection, transaction, request, provenance, new Step("active", "allocated", ReservationState.Allocated, "allocation",
            "UPDATE balances SET reserved = reserved - @Quantity, allocated = allocated + @Quantity, version = version + 1 WHERE sku = @Sku AND location = @Location",
            q => (0, -q, q)), cancellationToken);

    public Task<StoredAnswer> ShipAsync(DbConnection connection, DbTransaction transaction, ReservationLineRequest request, Provenance provenance, CancellationToken cancellationToken) =>
        StepAsync(connection, transaction, request, provenance, new Step("allocated", "shipped", ReservationState.Shipped, "shipment",
            "UPDATE balances SET allocated = allocated - @Quantity, on_hand = on_hand - @Quantity, version = version + 1 WHERE sku = @Sku AND location = @Location",
            q => (-q, 0, -q)), cancellationToken);

    private async Task<StoredAnswer> StepAsync(DbConnection connection, DbTransaction transaction, ReservationLineRequest request, Provenance provenance,
        Step step, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var scope = new ReleaseRequest { Reference = request.Reference, Sku = request.Sku, Location = request.Location };
        var moved = await ReservationLines.MoveAsync(connection, transaction, database.Dialect, scope, [step.From], step.To, now, cancellationToken);
        if (moved.Count == 0)
        {
            return StoredAnswer.Problem(Problem.Details(409, ProblemTypes.InvalidState, $"Nothing {step.From} to move.",
                $"{request.Reference} has no {step.From} reservation of {request.Sku} at {request.Location}."));
        }
        var quantity = moved.Sum(r => r.Quantity);
        await connection.ExecuteAsync(new CommandDefinition(step.Balance, new { Quantity = quantity, request.Sku, request.Location }, transaction, cancellationToken: cancellationToken));
        var (onHand, reserved, allocated) = step.Deltas(quantity);
        await LedgerWriter.AppendAsync(connection, transaction, provenance.Entry(request.Sku, request.Location, step.MovementType, now) with
        {
            OnHandDelta = onHand,
            ReservedDelta = reserved,
            AllocatedDelta = allocated,
            ReferenceDocument = request.Reference,
        }, cancellationToken);
        return StoredAnswer.Json(200, new ReservationLineResult
        {
            Reference = request.Reference,
            Sku = request.Sku,
            Location = request.Location,
            Quantity = quantity,
            Reservations = moved.Select(r => r.ToContract(step.State)).ToList(),
        });
    }

    private sealed record Step(string From, string To, ReservationState State, string MovementType, string Balance, Func<int, (int OnHand, int Reserved, int Allocated)> Deltas);
}
