using System.Data.Common;
using Dapper;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.SystemApis.Balances;
using IntegrationGateway.SystemApis.Idempotency;
using IntegrationGateway.SystemApis.Ledger;
using IntegrationGateway.SystemApis.Movements;

namespace IntegrationGateway.SystemApis.Counts;

/// <summary>
/// A cycle count sets on-hand to what was found, through an adjustment row. When fewer units are found than are
/// committed, the newest commitments are taken back (reserved ones before allocated ones, which are already on the
/// floor) and marked short, so the balance never breaks invariant 1 and the caller learns which references to
/// re-source or backorder.
/// </summary>
public sealed class CycleCountStore(TimeProvider time)
{
    public async Task<StoredAnswer> CountAsync(DbConnection connection, DbTransaction transaction, CycleCountRequest request, Provenance provenance, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        while (true)
        {
            var current = await BalanceStore.FindAsync(connection, transaction, request.Sku, request.Location, cancellationToken);
            if (current is null)
            {
                return MovementProblems.NotFound(request.Sku, request.Location);
            }
            if (request.CountedOnHand < current.Damaged + current.Inspection)
            {
                return StoredAnswer.Problem(Problem.Details(409, ProblemTypes.StockCommitted, "The count is below the damaged and inspected units.",
                    $"Counted {request.CountedOnHand}; {current.Damaged} damaged and {current.Inspection} in inspection are on hand. Post their scrap or disposition first.",
                    new Dictionary<string, object?> { ["damaged"] = current.Damaged, ["inspection"] = current.Inspection }));
            }
            var excess = current.Reserved + current.Allocated - (request.CountedOnHand - current.Damaged - current.Inspection);
            var shorts = excess > 0 ? await ChooseAsync(connection, transaction, request, excess, cancellationToken) : [];
            var shortReserved = shorts.Where(s => s.State == "active").Sum(s => s.Quantity);
            var shortAllocated = shorts.Where(s => s.State == "allocated").Sum(s => s.Quantity);

            // Compare-and-set on the version read: a reservation made meanwhile (PostgreSQL) makes us choose again.
            const string set = $"""
                UPDATE balances SET on_hand = @CountedOnHand, reserved = reserved - @shortReserved, allocated = allocated - @shortAllocated,
                    version = version + 1
                WHERE sku = @Sku AND location = @Location AND version = @Version
                RETURNING {BalanceRow.Columns}
                """;
            var counted = await connection.QuerySingleOrDefaultAsync<BalanceRow>(new CommandDefinition(set,
                new { request.CountedOnHand, shortReserved, shortAllocated, request.Sku, request.Location, current.Version }, transaction, cancellationToken: cancellationToken));
            if (counted is null)
            {
                continue;
            }
            var shorted = new List<Reservation>();
            foreach (var taken in shorts)
            {
                shorted.Add(await ShortAsync(connection, transaction, taken, now, cancellationToken));
            }
            await LedgerWriter.AppendAsync(connection, transaction, provenance.Entry(request.Sku, request.Location, "adjustment", now) with
            {
                OnHandDelta = request.CountedOnHand - current.OnHand,
                Reason = request.Reason ?? "cycle count",
                ReferenceDocument = request.ReferenceDocument,
            }, cancellationToken);
            if (shorts.Count > 0)
            {
                // Its own row, with its own source event id: one event moves a balance at most once per row key.
                await LedgerWriter.AppendAsync(connection, transaction, provenance.Entry(request.Sku, request.Location, "short", now) with
                {
                    SourceEventId = provenance.IdempotencyKey is { } key ? key + "#short" : null,
                    ReservedDelta = -shortReserved,
                    AllocatedDelta = -shortAllocated,
                    Reason = "counted below committed",
                    ReferenceDocument = request.ReferenceDocument,
                }, cancellationToken);
            }
            return StoredAnswer.Json(201, new CycleCountResult { Balance = counted.ToContract(), Shorted = shorted });
        }
    }

    /// <summary>The newest commitments that cover the excess; the last one may be taken only in part.</summary>
    private static async Task<List<ShortTaken>> ChooseAsync(DbConnection connection, DbTransaction transaction, CycleCountRequest request, int excess, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id AS Id, reference AS Reference, quantity AS Quantity, state AS State FROM reservations
            WHERE sku = @Sku AND location = @Location AND state IN ('active', 'allocated')
            ORDER BY CASE WHEN state = 'active' THEN 0 ELSE 1 END, created_at DESC, id DESC
            """;
        var open = await connection.QueryAsync<ShortTaken>(new CommandDefinition(sql, new { request.Sku, request.Location }, transaction, cancellationToken: cancellationToken));
        var chosen = new List<ShortTaken>();
        foreach (var reservation in open)
        {
            if (excess <= 0)
            {
                break;
            }
            var take = Math.Min(excess, reservation.Quantity);
            chosen.Add(reservation with { Sku = request.Sku, Location = request.Location, Quantity = take, Whole = take == reservation.Quantity });
            excess -= take;
        }
        return chosen;
    }

    /// <summary>A whole reservation turns short; a part is split off as its own short row.</summary>
    private static async Task<Reservation> ShortAsync(DbConnection connection, DbTransaction transaction, ShortTaken taken, long now, CancellationToken cancellationToken)
    {
        var id = taken.Id;
        if (taken.Whole)
        {
            await connection.ExecuteAsync(new CommandDefinition("UPDATE reservations SET state = 'short', released_at = @now WHERE id = @Id",
                new { taken.Id, now }, transaction, cancellationToken: cancellationToken));
        }
        else
        {
            id = "res_" + Guid.CreateVersion7().ToString("N");
            await connection.ExecuteAsync(new CommandDefinition("UPDATE reservations SET quantity = quantity - @Quantity WHERE id = @Id",
                new { taken.Id, taken.Quantity }, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO reservations (id, reference, sku, location, quantity, state, created_at, released_at)
                VALUES (@id, @Reference, @Sku, @Location, @Quantity, 'short', @now, @now)
                """, new { id, taken.Reference, taken.Sku, taken.Location, taken.Quantity, now }, transaction, cancellationToken: cancellationToken));
        }
        return new Reservation { Id = id, Reference = taken.Reference, Sku = taken.Sku, Location = taken.Location, Quantity = taken.Quantity, State = ReservationState.Short };
    }

    private sealed record ShortTaken
    {
        public string Id { get; init; } = "";
        public string Reference { get; init; } = "";
        public string Sku { get; init; } = "";
        public string Location { get; init; } = "";
        public int Quantity { get; init; }
        public string State { get; init; } = "";
        public bool Whole { get; init; }
    }
}
