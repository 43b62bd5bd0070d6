using IntegrationGateway.Contracts.Erp;

namespace IntegrationGateway.SystemApis.Ledger;

/// <summary>A ledger row as stored; the column list is <see cref="Columns"/>.</summary>
public sealed record LedgerRow
{
    public const string Columns = """
        id AS Id, sku AS Sku, location AS Location, movement_type AS MovementType, on_hand_delta AS OnHand,
        reserved_delta AS Reserved, allocated_delta AS Allocated, damaged_delta AS Damaged, inspection_delta AS Inspection,
        in_transit_delta AS InTransit, inbound_delta AS Inbound, safety_stock_delta AS SafetyStock,
        source_system AS SourceSystem, source_event_id AS SourceEventId, source_sequence AS SourceSequence,
        reference_document AS ReferenceDocument, reason AS Reason, idempotency_key AS IdempotencyKey,
        correlation_id AS CorrelationId, created_at AS CreatedAt, expected_at AS ExpectedAt
        """;

    public long Id { get; init; }
    public string Sku { get; init; } = "";
    public string Location { get; init; } = "";
    public string MovementType { get; init; } = "";
    public int OnHand { get; init; }
    public int Reserved { get; init; }
    public int Allocated { get; init; }
    public int Damaged { get; init; }
    public int Inspection { get; init; }
    public int InTransit { get; init; }
    public int Inbound { get; init; }
    public int SafetyStock { get; init; }
    public string? SourceSystem { get; init; }
    public string? SourceEventId { get; init; }
    public long? SourceSequence { get; init; }
    public string? ReferenceDocument { get; init; }
    public string? Reason { get; init; }
    public string? IdempotencyKey { get; init; }
    public string? CorrelationId { get; init; }
    public long CreatedAt { get; init; }
    public long? ExpectedAt { get; init; }

    public Contracts.Erp.LedgerEntry ToContract() => new()
    {
        Id = Id,
        Sku = Sku,
        Location = Location,
        MovementType = MovementType,
        Deltas = new LedgerDeltas
        {
            OnHand = OnHand,
            Reserved = Reserved,
            Allocated = Allocated,
            Damaged = Damaged,
            Inspection = Inspection,
            InTransit = InTransit,
            Inbound = Inbound,
            SafetyStock = SafetyStock,
        },
        SourceSystem = SourceSystem,
        SourceEventId = SourceEventId,
        SourceSequence = SourceSequence,
        ReferenceDocument = ReferenceDocument,
        Reason = Reason,
        IdempotencyKey = IdempotencyKey,
        CorrelationId = CorrelationId,
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
        ExpectedAt = ExpectedAt is { } expectedAt ? DateTimeOffset.FromUnixTimeMilliseconds(expectedAt) : null,
    };
}
