using IntegrationGateway.Contracts.B2b;
using IntegrationGateway.Contracts.Process;

namespace IntegrationGateway.ExperienceApis.B2b;

/// <summary>The buyer's view of an order: its purchase order number, and per line where units are held and how many wait.</summary>
public static class B2bOrders
{
    public static B2bOrder Of(Order order) => new()
    {
        Id = order.Id,
        PurchaseOrderNumber = order.OrderRef,
        State = StateOf(order.State),
        Lines = order.Lines.Select(l => new B2bOrderLineResult
        {
            Sku = l.Sku,
            Quantity = l.Quantity,
            ShipFrom = l.Allocations.Select(a => new B2bShipFrom { Location = a.Location, Quantity = a.Quantity }).ToList(),
            Backordered = l.Backordered,
        }).ToList(),
        CreatedAt = order.CreatedAt,
    };

    private static B2bOrderState StateOf(OrderState state) => state switch
    {
        OrderState.Reserved => B2bOrderState.Reserved,
        OrderState.Backordered => B2bOrderState.Backordered,
        OrderState.Allocated => B2bOrderState.Allocated,
        OrderState.Shipped => B2bOrderState.Shipped,
        OrderState.Cancelled => B2bOrderState.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "An order state the B2B API does not know."),
    };
}
