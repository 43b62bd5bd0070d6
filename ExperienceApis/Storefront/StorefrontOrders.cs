using IntegrationGateway.Contracts.Process;
using IntegrationGateway.Contracts.Storefront;

namespace IntegrationGateway.ExperienceApis.Storefront;

/// <summary>The storefront's view of an order: no channel (it is always this one), states in its own vocabulary.</summary>
public static class StorefrontOrders
{
    public static StorefrontOrder Of(Order order) => new()
    {
        Id = order.Id,
        OrderRef = order.OrderRef,
        State = order.State == OrderState.Cancelled ? StorefrontOrderState.Cancelled : StorefrontOrderState.Reserved,
        Lines = order.Lines.Select(l => new StorefrontOrderLineResult
        {
            Sku = l.Sku,
            Quantity = l.Quantity,
            Allocations = l.Allocations.Select(a => new StorefrontAllocation { Location = a.Location, Quantity = a.Quantity }).ToList(),
        }).ToList(),
    };
}
