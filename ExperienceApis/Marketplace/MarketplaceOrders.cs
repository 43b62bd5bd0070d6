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
    /// <summary>
    /// The process API's Idempotency-Key for a marketplace order: its id as it is when that fits a header (printable
    /// ASCII), else a hash of it, so an order id in any script is still placed once and never breaks the call below.
    /// </summary>
    public static string ProcessKey(string marketplaceOrderId) =>
        marketplaceOrderId.All(c => c is > ' ' and <= '~')
            ? "mp:" + marketplaceOrderId
            : "mp-sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(marketplaceOrderId)));

    public static MarketplaceOrder Of(Order order) => new()
    {
        Id = order.Id,
        MarketplaceOrderId = order.OrderRef,
        State = order.State == OrderState.Cancelled ? MarketplaceOrderState.Cancelled : MarketplaceOrderState.Reserved,
        Lines = order.Lines.Select(l => new MarketplaceOrderLine { Sku = l.Sku, Quantity = l.Quantity }).ToList(),
    };
}
