using IntegrationGateway.ServiceDefaults.Stock;
namespace IntegrationGateway.SystemApis.StockEvents;

/// <summary>A stock_events row as stored; the column list is <see cref="Columns"/>.</summary>
public sealed record StockEventRow
{
    public const string Columns = """
        position AS Position, event_id AS EventId, sku AS Sku, location AS Location, sku_class AS SkuClass, on_hand AS OnHand,
        reserved AS Reserved, allocated AS Allocated, damaged AS Damaged, inspection AS Inspection, in_transit AS InTransit,
        inbound AS Inbound, inbound_eta AS InboundEta, safety_stock AS SafetyStock, version AS Version, correlation_id AS CorrelationId,
        occurred_at AS OccurredAt
        """;

    public long Position { get; init; }
    public string EventId { get; init; } = "";
    public string Sku { get; init; } = "";
    public string Location { get; init; } = "";
    public string SkuClass { get; init; } = "";
    public int OnHand { get; init; }
    public int Reserved { get; init; }
    public int Allocated { get; init; }
    public int Damaged { get; init; }
    public int Inspection { get; init; }
    public int InTransit { get; init; }
    public int Inbound { get; init; }
    /// <summary>Unix milliseconds: the earliest supplier ETA of the units inbound at commit.</summary>
    public long? InboundEta { get; init; }
    public int SafetyStock { get; init; }
    public long Version { get; init; }
    public string? CorrelationId { get; init; }
    public long OccurredAt { get; init; }

    public Contracts.Erp.StockEvent ToContract() => new()
    {
        Id = EventId,
        Type = "stock.changed",
        Position = Position,
        Sku = Sku,
        Location = Location,
        SkuClass = SkuClass,
        OnHand = OnHand,
        Reserved = Reserved,
        Allocated = Allocated,
        Damaged = Damaged,
        Inspection = Inspection,
        InTransit = InTransit,
        Inbound = Inbound,
        InboundEta = InboundEta is { } eta ? DateTimeOffset.FromUnixTimeMilliseconds(eta) : null,
        SafetyStock = SafetyStock,
        Available = AvailableToSell.Of(OnHand, Reserved, Allocated, Damaged, Inspection, SafetyStock),
        Version = Version,
        CorrelationId = CorrelationId,
        OccurredAt = DateTimeOffset.FromUnixTimeMilliseconds(OccurredAt),
    };
}
