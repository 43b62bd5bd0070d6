using IntegrationGateway.ServiceDefaults.Stock;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.SystemApis.Items;

namespace IntegrationGateway.SystemApis.Balances;

/// <summary>A balances row as stored, with its item's SKU class; the column list is <see cref="Columns"/> (every query names the table balances).</summary>
public sealed record BalanceRow
{
    public const string Columns = """
        sku AS Sku, location AS Location, on_hand AS OnHand, reserved AS Reserved, allocated AS Allocated, damaged AS Damaged,
        inspection AS Inspection, in_transit AS InTransit, inbound AS Inbound, safety_stock AS SafetyStock, version AS Version,
        (SELECT items.sku_class FROM items WHERE items.sku = balances.sku) AS SkuClass
        """;

    public string Sku { get; init; } = "";
    public string Location { get; init; } = "";
    public int OnHand { get; init; }
    public int Reserved { get; init; }
    public int Allocated { get; init; }
    public int Damaged { get; init; }
    public int Inspection { get; init; }
    public int InTransit { get; init; }
    public int Inbound { get; init; }
    public int SafetyStock { get; init; }
    public long Version { get; init; }
    public string SkuClass { get; init; } = ItemClasses.Default;

    /// <summary>Not a column: worked out from the purchase orders by <see cref="InboundEtas"/> on the reads that report it.</summary>
    public DateTimeOffset? InboundEta { get; init; }

    /// <summary>available_to_sell of DESIGN.md, floored at 0.</summary>
    public int Available => AvailableToSell.Of(OnHand, Reserved, Allocated, Damaged, Inspection, SafetyStock);

    public Balance ToContract() => new()
    {
        Sku = Sku,
        Location = Location,
        OnHand = OnHand,
        Reserved = Reserved,
        Allocated = Allocated,
        Damaged = Damaged,
        Inspection = Inspection,
        InTransit = InTransit,
        Inbound = Inbound,
        SafetyStock = SafetyStock,
        Available = Available,
        Version = Version,
        SkuClass = SkuClass,
        InboundEta = InboundEta,
    };
}
