using System.Data.Common;
using Dapper;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.SystemApis.Balances;
using IntegrationGateway.SystemApis.Idempotency;
using IntegrationGateway.SystemApis.Ledger;

namespace IntegrationGateway.SystemApis.Reservations;

/// <summary>Reserve and release, each inside the idempotent transaction of its request.</summary>
public sealed class ReservationStore(Database database, TimeProvider time)
{
    /// <summary>
    /// The check and the write are one conditional UPDATE, so no interleaving of callers can reserve more than is
    /// sellable (the check-then-insert oversell of Magento 3072 and Medusa 16569 cannot happen).
    /// </summary>
    public async Task<StoredAnswer> ReserveAsync(DbConnection connection, DbTransaction transaction, ReservationRequest request, Provenance provenance, CancellationToken cancellationToken)
    {
        const string reserve = """
            UPDATE balances SET reserved = reserved + @Quantity, version = version + 1
            WHERE sku = @Sku AND location = @Location
              AND on_hand - reserved - allocated - damaged - inspection - safety_stock >= @Quantity
            """;
        var updated = await connection.ExecuteAsync(new CommandDefinition(reserve, request, transaction, cancellationToken: cancellationToken));
        if (updated == 0)
        {
            return await RefusalAsync(connection, transaction, request, cancellationToken);
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var reservation = new Reservation
        {
            Id = "res_" + Guid.CreateVersion7().ToString("N"),
            Reference = request.Reference,
            Sku = request.Sku,
            Location = request.Location,
            Quantity = request.Quantity,
            State = ReservationState.Active,
        };
        const string insert = """
            INSERT INTO reservations (id, reference, sku, location, quantity, state, created_at)
            VALUES (@Id, @Reference, @Sku, @Location, @Quantity, 'active', @now)
            """;
        await connection.ExecuteAsync(new CommandDefinition(insert,
            new { reservation.Id, reservation.Reference, reservation.Sku, reservation.Location, reservation.Quantity, now }, transaction, cancellationToken: cancellationToken));
        await LedgerWriter.AppendAsync(connection, transaction, provenance.Entry(request.Sku, request.Location, "reservation", now) with
        {
            ReservedDelta = request.Quantity,
            ReferenceDocument = request.Reference,
        }, cancellationToken);
        return StoredAnswer.Json(201, reservation);
    }

    /// <summary>
    /// Releases every active or allocated reservation of a reference (or of one SKU at one location): reserved units and
    /// allocated units go back to sellable. One balance change and one ledger row per balance, balance rows updated in a
    /// fixed order, every balance updated before the first ledger row is appended.
    /// </summary>
    public async Task<StoredAnswer> ReleaseAsync(DbConnection connection, DbTransaction transaction, ReleaseRequest request, Provenance provenance, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var released = await ReservationLines.MoveAsync(connection, transaction, database.Dialect, request, ["active", "allocated"], "released", now, cancellationToken);
        var givenBack = released.Select(r => (r.Sku, r.Location, Reserved: r.State == "active" ? r.Quantity : 0, Allocated: r.State == "allocated" ? r.Quantity : 0))
            .GroupBy(r => (r.Sku, r.Location))
            .OrderBy(g => g.Key.Sku, StringComparer.Ordinal).ThenBy(g => g.Key.Location, StringComparer.Ordinal)
            .Select(g => new { g.Key.Sku, g.Key.Location, Reserved = g.Sum(r => r.Reserved), Allocated = g.Sum(r => r.Allocated) })
            .ToList();

        const string giveBack = """
            UPDATE balances SET reserved = reserved - @Reserved, allocated = allocated - @Allocated, version = version + 1
            WHERE sku = @Sku AND location = @Location
            """;
        foreach (var balance in givenBack)
        {
            await connection.ExecuteAsync(new CommandDefinition(giveBack, balance, transaction, cancellationToken: cancellationToken));
        }
        foreach (var balance in givenBack)
        {
            await LedgerWriter.AppendAsync(connection, transaction, provenance.Entry(balance.Sku, balance.Location, "release", now) with
            {
                ReservedDelta = -balance.Reserved,
                AllocatedDelta = -balance.Allocated,
                ReferenceDocument = request.Reference,
            }, cancellationToken);
        }
        return StoredAnswer.Json(200, new ReleaseResult
        {
            Reference = request.Reference,
            Released = released.Select(r => r.ToContract(ReservationState.Released)).ToList(),
        });
    }

    private static async Task<StoredAnswer> RefusalAsync(DbConnection connection, DbTransaction transaction, ReservationRequest request, CancellationToken cancellationToken)
    {
        var balance = await BalanceStore.FindAsync(connection, transaction, request.Sku, request.Location, cancellationToken);
        if (balance is null)
        {
            return StoredAnswer.Problem(Problem.Details(404, ProblemTypes.NotFound, "Not found.",
                $"No item {request.Sku} is stocked at location {request.Location}."));
        }
        return StoredAnswer.Problem(Problem.Details(409, ProblemTypes.InsufficientStock, "Not enough sellable stock.",
            $"{request.Quantity} of {request.Sku} requested at {request.Location}; {balance.Available} available.",
            new Dictionary<string, object?>
            {
                ["shortages"] = new[] { new { sku = request.Sku, location = request.Location, requested = request.Quantity, available = balance.Available } },
            }));
    }
}
