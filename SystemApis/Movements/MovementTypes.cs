using IntegrationGateway.Contracts.Erp;

namespace IntegrationGateway.SystemApis.Movements;

/// <summary>The movement_type written to the ledger: the contract's name of the type.</summary>
public static class MovementTypes
{
    public static string Name(MovementType type) => type switch
    {
        MovementType.Receipt => "receipt",
        MovementType.Adjustment => "adjustment",
        MovementType.PurchaseOrder => "purchase-order",
        MovementType.PurchaseReceipt => "purchase-receipt",
        MovementType.TransferShip => "transfer-ship",
        MovementType.TransferReceive => "transfer-receive",
        MovementType.ReturnReceipt => "return-receipt",
        MovementType.ReturnDisposition => "return-disposition",
        MovementType.Damage => "damage",
        MovementType.ScrapDamaged => "scrap-damaged",
        MovementType.SafetyStock => "safety-stock",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a movement type."),
    };
}
