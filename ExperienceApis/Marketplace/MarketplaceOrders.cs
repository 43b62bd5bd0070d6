using IntegrationGateway.Contracts.Marketplace;
using IntegrationGateway.Contracts.Process;

namespace IntegrationGateway.ExperienceApis.Marketplace;

/// <summary>The marketplace's view of an order: its own order id, no channel, no allocations.</summary>
public static class MarketplaceOrders
{
    /// <summary>
    /// The process Idempotency-Key of a marketplace order: derived from the marketplace's order id, so the same
    /// order sent again under any Idempotency-Key is reserved once, and another body for it is refused.
    /// </summary>
    public static string ProcessKey(string marketplaceOrderId) => "mp:" + marketplaceOrderId;

    public static MarketplaceOrder Of(Order order) => new()
    {
        Id = order.Id,
        MarketplaceOrderId = order.OrderRef,
        State = order.State == OrderState.Cancelled ? MarketplaceOrderState.Cancelled : MarketplaceOrderState.Reserved,
        Lines = order.Lines.Select(l => new MarketplaceOrderLine { Sku = l.Sku, Quantity = l.Quantity }).ToList(),
    };
}
