using IntegrationGateway.ServiceDefaults.Stock;
namespace IntegrationGateway.ProcessApis.Events;

/// <summary>A stock_positions row: the ERP's balance of a SKU at a location, as its latest stock.changed event told it.</summary>
public sealed record StockPosition
{
    public const string Columns = """
        sku AS Sku, location AS Location, sku_class AS SkuClass, on_hand AS OnHand, reserved AS Reserved, allocated AS Allocated,
        damaged AS Damaged, inspection AS Inspection, safety_stock AS SafetyStock, in_transit AS InTransit, inbound AS Inbound,
        inbound_eta AS InboundEta, version AS Version
        """;

    public string Sku { get; init; } = "";
    public string Location { get; init; } = "";
    public string SkuClass { get; init; } = "";
    public int OnHand { get; init; }
    public int Reserved { get; init; }
    public int Allocated { get; init; }
    public int Damaged { get; init; }
    public int Inspection { get; init; }
    public int SafetyStock { get; init; }
    public int InTransit { get; init; }
    public int Inbound { get; init; }

    /// <summary>Unix milliseconds: the earliest supplier ETA of the units inbound here, as the ERP's event told it.</summary>
    public long? InboundEta { get; init; }
    public long Version { get; init; }

    /// <summary>available_to_sell of DESIGN.md, floored at 0.</summary>
    public int Available => AvailableToSell.Of(OnHand, Reserved, Allocated, Damaged, Inspection, SafetyStock);
}
