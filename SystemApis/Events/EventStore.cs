using System.Data.Common;
using Dapper;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.ServiceDefaults.Idempotency;
using IntegrationGateway.SystemApis.Balances;
using IntegrationGateway.SystemApis.Idempotency;
using IntegrationGateway.SystemApis.Ledger;

namespace IntegrationGateway.SystemApis.Events;

/// <summary>
/// Applies an inbound event in the caller's transaction: once per (source, event id), only when newer than what the
/// source already applied to the balance, and with its ledger row. A refusal rolls back to before the claim, so it
/// changes nothing but (for a stale event) the record of it.
/// </summary>
public sealed class EventStore(TimeProvider time)
{
    private const string Savepoint = "inbound_event";

    public async Task<StoredAnswer> ApplyAsync(DbConnection connection, DbTransaction transaction, InventoryEventRequest request, Provenance provenance,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await transaction.SaveAsync(Savepoint, cancellationToken);
        var fingerprint = IdempotencyKey.Fingerprint("event", request);
        if (await SourceEventClaims.ClaimAsync(connection, transaction, request.Source, request.EventId, fingerprint, now, cancellationToken) is { } first)
        {
            return first;
        }
        if (await SourceSequences.AdvanceAsync(connection, transaction, request.Source, request.Sku, request.Location, request.Sequence, cancellationToken) is { } applied)
        {
            await transaction.RollbackAsync(Savepoint, cancellationToken);
            await StaleEventStore.RecordAsync(connection, transaction, request, applied, now, cancellationToken);
            return EventProblems.Stale(request.Sequence, applied);
        }

        var (balance, refusal, delta) = await MoveBalanceAsync(connection, transaction, request, cancellationToken);
        if (refusal is not null)
        {
            await transaction.RollbackAsync(Savepoint, cancellationToken);
            return refusal;
        }
        await LedgerWriter.AppendAsync(connection, transaction, new Ledger.LedgerEntry(request.Sku, request.Location, EventKinds.Name(request.Kind))
        {
            OnHandDelta = delta,
            Reason = request.Reason,
            SourceSystem = request.Source,
            SourceEventId = request.EventId,
            SourceSequence = request.Sequence,
            ReferenceDocument = request.ReferenceDocument,
            IdempotencyKey = provenance.IdempotencyKey,
            CorrelationId = provenance.CorrelationId,
            CreatedAt = now,
        }, cancellationToken);
        // The unique (source_system, source_event_id, sku, location) index names exactly the row just written.
        const string entryId = """
            SELECT id FROM ledger
            WHERE source_system = @Source AND source_event_id = @EventId AND sku = @Sku AND location = @Location
            """;
        var ledgerEntryId = await connection.QuerySingleAsync<long>(new CommandDefinition(entryId,
            new { request.Source, request.EventId, request.Sku, request.Location }, transaction, cancellationToken: cancellationToken));

        var answer = StoredAnswer.Json(201, new InventoryEventResult
        {
            Outcome = InventoryEventOutcome.Applied,
            Balance = balance!.ToContract(),
            LedgerEntryId = ledgerEntryId,
        });
        await SourceEventClaims.SaveAnswerAsync(connection, transaction, request.Source, request.EventId, answer, cancellationToken);
        return answer;
    }

    /// <summary>
    /// Sets on-hand with a compare-and-set on the version just read, so the delta in the ledger is exactly what moved.
    /// Only on-hand moves: reserved and allocated are commitments, never subtracted again from a counted figure.
    /// </summary>
    private static async Task<(BalanceRow? Balance, StoredAnswer? Refusal, int Delta)> MoveBalanceAsync(DbConnection connection, DbTransaction transaction,
        InventoryEventRequest request, CancellationToken cancellationToken)
    {
        const string set = $"""
            UPDATE balances SET on_hand = @onHand, version = version + 1
            WHERE sku = @Sku AND location = @Location AND version = @Version
            RETURNING {BalanceRow.Columns}
            """;
        while (true)
        {
            var current = await BalanceStore.FindAsync(connection, transaction, request.Sku, request.Location, cancellationToken);
            if (current is null)
            {
                return (null, EventProblems.NotFound(request.Sku, request.Location), 0);
            }
            if (request.ExpectedVersion is { } expected && expected != current.Version)
            {
                return (null, EventProblems.Conflict(expected, current.Version), 0);
            }
            var onHand = request.Kind == InventoryEventKind.OnHandCount ? request.Quantity : current.OnHand + request.Quantity;
            if (onHand < current.Reserved + current.Allocated + current.Damaged + current.Inspection)
            {
                return (null, EventProblems.Committed(current, onHand), 0);
            }
            var moved = await connection.QuerySingleOrDefaultAsync<BalanceRow>(new CommandDefinition(set,
                new { onHand, request.Sku, request.Location, current.Version }, transaction, cancellationToken: cancellationToken));
            if (moved is not null)
            {
                return (moved, null, onHand - current.OnHand);
            }
            // Another writer committed between the read and the update (PostgreSQL); read again and decide on its result.
        }
    }

    public static IDictionary<string, string[]> Validate(InventoryEventRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(request.Source) || request.Source == Provenance.ErpApi)
        {
            errors["source"] = [$"Name the source system (lower-case letters, digits and '-'); {Provenance.ErpApi} is this API's own."];
        }
        var quantity = request.Kind switch
        {
            InventoryEventKind.Receipt when request.Quantity <= 0 => "A receipt adds a positive quantity.",
            InventoryEventKind.Adjustment when request.Quantity == 0 => "An adjustment moves a non-zero quantity.",
            InventoryEventKind.OnHandCount when request.Quantity < 0 => "An on-hand count is 0 or more.",
            _ => null,
        };
        if (quantity is not null)
        {
            errors["quantity"] = [quantity];
        }
        return errors;
    }
}
