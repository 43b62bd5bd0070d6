using IntegrationGateway.Contracts.Erp;

namespace IntegrationGateway.SystemApis.Events;

/// <summary>The wire names of the event kinds, as the ledger's movement_type and the stale table store them.</summary>
public static class EventKinds
{
    public static string Name(InventoryEventKind kind) => kind switch
    {
        InventoryEventKind.Receipt => "receipt",
        InventoryEventKind.Adjustment => "adjustment",
        _ => "on-hand-count",
    };

    public static InventoryEventKind Parse(string name) => name switch
    {
        "receipt" => InventoryEventKind.Receipt,
        "adjustment" => InventoryEventKind.Adjustment,
        _ => InventoryEventKind.OnHandCount,
    };
}
