using System.Data.Common;
using Dapper;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.SystemApis.Idempotency;
using IntegrationGateway.SystemApis.Ledger;

namespace IntegrationGateway.SystemApis.Reservations;

/// <summary>
/// Moves active reservations from some references to another inside the request's transaction: a cart's holds become
/// its order's reservation without ever being released, so no other reference can take a unit in between. The units
/// stay reserved where they are, so no balance moves and the ledger gets rows that move no quantity.
/// </summary>
public sealed class ReservationTransfers(Database database, TimeProvider time)
{
    public const string MovementType = "re-reference";

    public async Task<StoredAnswer> TransferAsync(DbConnection connection, DbTransaction transaction, ReservationTransfer request, Provenance provenance, CancellationToken cancellationToken)
    {
        var references = request.From.Distinct(StringComparer.Ordinal).ToArray();
        // Locked in the order every change of several reservations takes them, so a release racing this transfer either
        // finishes first (its rows are no longer active here) or waits until the transfer commits.
        var active = await ReservationLines.LockAsync(connection, transaction, database.Dialect,
            $"{database.Dialect.IsAnyOf("reference", "references")} AND state = 'active'", new { references = database.Dialect.AnyOf(references) }, cancellationToken);
        if (Mismatch(active, request.Lines) is { } detail)
        {
            // Refused whole: the rows were only locked, so nothing changed.
            return StoredAnswer.Problem(Problem.Details(409, ProblemTypes.InvalidState, "The reservations are not what was expected.", detail));
        }

        const string move = "UPDATE reservations SET reference = @to WHERE id = @Id AND state = 'active'";
        await connection.ExecuteAsync(new CommandDefinition(move, active.Select(r => new { r.Id, to = request.To }), transaction, cancellationToken: cancellationToken));
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        // One row per balance, as for every request (the ledger's key): no bucket moved, so the row moves no quantity and
        // the ledger still sums to the balance; it names the new reference and, in its reason, where the units came from.
        foreach (var balance in active.GroupBy(r => (r.Sku, r.Location)).OrderBy(g => g.Key.Sku, StringComparer.Ordinal).ThenBy(g => g.Key.Location, StringComparer.Ordinal))
        {
            var reason = $"{balance.Sum(r => r.Quantity)} reserved moved from " + string.Join(", ", balance.Select(r => r.Reference).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            await LedgerWriter.AppendAsync(connection, transaction, provenance.Entry(balance.Key.Sku, balance.Key.Location, MovementType, now) with
            {
                Reason = reason.Length <= 200 ? reason : reason[..197] + "...",
                ReferenceDocument = request.To,
            }, cancellationToken);
        }
        return StoredAnswer.Json(200, new ReservationTransferResult
        {
            To = request.To,
            Transferred = active.Select(r => (r with { Reference = request.To }).ToContract(ReservationState.Active)).ToList(),
        });
    }

    /// <summary>Why the active reservations are not the expected lines (summed per SKU and location), or null when they are.</summary>
    private static string? Mismatch(IReadOnlyList<ReservationLine> active, IEnumerable<TransferLine> expected)
    {
        var held = active.GroupBy(r => (r.Sku, r.Location)).ToDictionary(g => g.Key, g => g.Sum(r => r.Quantity));
        var wanted = expected.GroupBy(l => (l.Sku, l.Location)).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        var differing = held.Keys.Union(wanted.Keys)
            .Where(k => held.GetValueOrDefault(k) != wanted.GetValueOrDefault(k))
            .OrderBy(k => k.Sku, StringComparer.Ordinal).ThenBy(k => k.Location, StringComparer.Ordinal)
            .Select(k => $"{k.Sku} at {k.Location}: {wanted.GetValueOrDefault(k)} expected, {held.GetValueOrDefault(k)} active")
            .ToList();
        return differing.Count == 0 ? null : "Nothing was moved. " + string.Join("; ", differing);
    }
}
