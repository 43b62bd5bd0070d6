using System.Data.Common;
using Dapper;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.SystemApis.Balances;
using IntegrationGateway.SystemApis.Idempotency;
using IntegrationGateway.SystemApis.Ledger;
using IntegrationGateway.SystemApis.Movements;
using IntegrationGateway.SystemApis.Reservations;

namespace IntegrationGateway.SystemApis.Counts;

/// <summary>
/// A cycle count sets on-hand to what was found, through an adjustment row. When fewer units are found than are
/// committed, the newest commitments are taken back (reserved ones before allocated ones, which are already on the
/// floor) and marked short, so the balance never breaks invariant 1 and the caller learns which references to
/// re-source or backorder.
/// </summary>
public sealed class CycleCountStore(Database database, TimeProvider time)
{
    private const int MaxAttempts = 50;
    private const string Attempt = "count_attempt";

    public async Task<StoredAnswer> CountAsync(DbConnection connection, DbTransaction transaction, CycleCountRequest request, Provenance provenance, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        // Each pass ends in a commit or a look again after another writer; a balance whose buckets never match its
        // reservations (changed outside the ledger) is refused rather than counted on a guess.
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            // Each pass under its own savepoint, given back before the next: on PostgreSQL a compare-and-set that loses
            // still keeps the balance row locked, and locking the commitments again while holding it would reverse the
            // order a release takes (commitments, then balance) and deadlock with one under way.
            await transaction.SaveAsync(Attempt, cancellationToken);
            // Commitments first, then the balance: the order every other reservation change takes its locks in.
            var open = await LockOpenAsync(connection, transaction, request, cancellationToken);
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
            if (open.Where(r => r.State == "active").Sum(r => r.Quantity) != current.Reserved || open.Where(r => r.State == "allocated").Sum(r => r.Quantity) != current.Allocated)
            {
                // A reservation committed between locking the commitments and reading the balance (PostgreSQL): look again.
                await transaction.RollbackAsync(Attempt, cancellationToken);
                continue;
            }
            var excess = current.Reserved + current.Allocated - (request.CountedOnHand - current.Damaged - current.Inspection);
            var shorts = excess > 0 ? Choose(open, excess) : [];
            var shortReserved = shorts.Where(s => s.Line.State == "active").Sum(s => s.Line.Quantity);
            var shortAllocated = shorts.Where(s => s.Line.State == "allocated").Sum(s => s.Line.Quantity);

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
                await transaction.RollbackAsync(Attempt, cancellationToken);
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
        return StoredAnswer.Problem(Problem.Details(409, ProblemTypes.LedgerInconsistent, "The balance disagrees with its reservations.",
            $"{request.Sku} at {request.Location}: the reserved and allocated buckets do not add up to the open reservations; rebuild the balance from the ledger first."));
    }

    /// <summary>
    /// The balance's open commitments, locked (on PostgreSQL), so a release or allocation of one of them waits for the
    /// count, and one that committed first is seen as it is now.
    /// </summary>
    private Task<IReadOnlyList<ReservationLine>> LockOpenAsync(DbConnection connection, DbTransaction transaction, CycleCountRequest request, CancellationToken cancellationToken) =>
        ReservationLines.LockAsync(connection, transaction, database.Dialect, "sku = @Sku AND location = @Location AND state IN ('active', 'allocated')",
            new { request.Sku, request.Location }, cancellationToken);

    /// <summary>
    /// The newest commitments that cover the excess, reserved ones before those already on a pick; the last one may be
    /// taken only in part.
    /// </summary>
    private static List<ShortTaken> Choose(IReadOnlyList<ReservationLine> open, int excess)
    {
        var chosen = new List<ShortTaken>();
        foreach (var reservation in open.OrderBy(r => r.State == "active" ? 0 : 1).ThenByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id, StringComparer.Ordinal))
        {
            if (excess <= 0)
            {
                break;
            }
            var take = Math.Min(excess, reservation.Quantity);
            chosen.Add(new ShortTaken(reservation with { Quantity = take }, take == reservation.Quantity));
            excess -= take;
        }
        return chosen;
    }

    /// <summary>A whole reservation turns short; a part is split off as its own short row.</summary>
    private static async Task<Reservation> ShortAsync(DbConnection connection, DbTransaction transaction, ShortTaken taken, long now, CancellationToken cancellationToken)
    {
        var line = taken.Line;
        var id = line.Id;
        if (taken.Whole)
        {
            await connection.ExecuteAsync(new CommandDefinition("UPDATE reservations SET state = 'short', released_at = @now WHERE id = @Id AND state IN ('active', 'allocated')",
                new { line.Id, now }, transaction, cancellationToken: cancellationToken));
        }
        else
        {
            id = "res_" + Guid.CreateVersion7().ToString("N");
            await connection.ExecuteAsync(new CommandDefinition("UPDATE reservations SET quantity = quantity - @Quantity WHERE id = @Id",
                new { line.Id, line.Quantity }, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO reservations (id, reference, sku, location, quantity, state, created_at, released_at)
                VALUES (@id, @Reference, @Sku, @Location, @Quantity, 'short', @now, @now)
                """, new { id, line.Reference, line.Sku, line.Location, line.Quantity, now }, transaction, cancellationToken: cancellationToken));
        }
        return (line with { Id = id }).ToContract(ReservationState.Short);
    }

    /// <summary>A commitment taken back by the count: the line carries the units taken, all of it or a part.</summary>
    private sealed record ShortTaken(ReservationLine Line, bool Whole);
}
