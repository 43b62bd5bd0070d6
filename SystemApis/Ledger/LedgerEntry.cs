namespace IntegrationGateway.SystemApis.Ledger;

/// <summary>One append-only movement journal row: which buckets moved, why, on whose behalf and from which source.</summary>
public sealed record LedgerEntry(string Sku, string Location, string MovementType)
{
    public int OnHandDelta { get; init; }
    public int ReservedDelta { get; init; }
    public int AllocatedDelta { get; init; }
    public int DamagedDelta { get; init; }
    public int InspectionDelta { get; init; }
    public int InTransitDelta { get; init; }
    public int InboundDelta { get; init; }
    public int SafetyStockDelta { get; init; }
    public string? Reason { get; init; }
    public string? SourceSystem { get; init; }
    public string? SourceEventId { get; init; }
    public long? SourceSequence { get; init; }
    public string? ReferenceDocument { get; init; }
    /// <summary>The ETA of a purchase order, unix milliseconds.</summary>
    public long? ExpectedAt { get; init; }
    public string? IdempotencyKey { get; init; }
    public string? CorrelationId { get; init; }
    public long CreatedAt { get; init; }
}
