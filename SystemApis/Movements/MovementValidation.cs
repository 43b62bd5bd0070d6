using IntegrationGateway.Contracts.Erp;

namespace IntegrationGateway.SystemApis.Movements;

/// <summary>Each movement type's own fields and signs; a failure names the field and nothing is changed.</summary>
public static class MovementValidation
{
    public static IDictionary<string, string[]> Errors(MovementRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var quantity = request.Type switch
        {
            MovementType.Adjustment when request.Quantity == 0 => "An adjustment moves a non-zero quantity.",
            MovementType.Adjustment => null,
            MovementType.SafetyStock when request.Quantity < 0 => "Safety stock is set to 0 or more.",
            MovementType.SafetyStock => null,
            MovementType.Receipt when request.Quantity <= 0 => "A receipt adds a positive quantity.",
            _ when request.Quantity <= 0 => $"A {MovementTypes.Name(request.Type)} moves a positive quantity.",
            _ => null,
        };
        if (quantity is not null)
        {
            errors["quantity"] = [quantity];
        }

        var isPurchaseOrder = request.Type == MovementType.PurchaseOrder;
        if (isPurchaseOrder && request.ExpectedAt is null)
        {
            errors["expectedAt"] = ["A purchase-order carries the supplier's ETA."];
        }
        else if (!isPurchaseOrder && request.ExpectedAt is not null)
        {
            errors["expectedAt"] = ["Only a purchase-order carries an ETA."];
        }

        var isShipment = request.Type == MovementType.TransferShip;
        if (isShipment && string.IsNullOrEmpty(request.ToLocation))
        {
            errors["toLocation"] = ["A transfer-ship names the receiving location."];
        }
        else if (isShipment && string.Equals(request.ToLocation, request.Location, StringComparison.Ordinal))
        {
            errors["toLocation"] = ["A transfer-ship goes to another location than the one it leaves."];
        }
        else if (!isShipment && request.ToLocation is not null)
        {
            errors["toLocation"] = ["Only a transfer-ship names a receiving location; a transfer-receive posts at location."];
        }

        var isDisposition = request.Type == MovementType.ReturnDisposition;
        if (isDisposition && request.Disposition is null)
        {
            errors["disposition"] = ["A return-disposition says sellable, damaged or scrapped."];
        }
        else if (!isDisposition && request.Disposition is not null)
        {
            errors["disposition"] = ["Only a return-disposition carries a disposition."];
        }
        return errors;
    }
}
