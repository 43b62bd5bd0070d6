namespace IntegrationGateway.SystemApis.Balances;

/// <summary>A ledger row that moved inbound: a purchase order (positive, with the supplier's ETA in unix ms) or a receipt (negative).</summary>
public sealed record InboundRow
{
    public long Id { get; init; }
    public string Sku { get; init; } = "";
    public string Location { get; init; } = "";
    public int Delta { get; init; }
    public long? ExpectedAt { get; init; }
}
