using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.ProcessApis.Fulfilment;
using IntegrationGateway.ProcessApis.Idempotency;
using IntegrationGateway.ProcessApis.OrderBook;
using IntegrationGateway.ProcessApis.Sourcing;

namespace IntegrationGateway.ProcessApis.Orders;

/// <summary>
/// Cancels an order wherever it stands: open picks are withdrawn at the WMS first (a pick that shipped refuses,
/// and so does the cancel), then everything held is released at the ERP and waiting units stop waiting.
/// </summary>
public sealed class OrderCancellation(IErpClient erp, OrderStore orders, BackorderStore backorders, OrderFulfilment fulfilment)
{
    public async Task<Answer> CancelAsync(OrderRecord order, string key, CancellationToken cancellationToken)
    {
        if (order.State == OrderStates.Cancelled)
        {
            return Answer.Json(200, order.ToContract());
        }
        if (order.Placements.Any(p => p.State == PlacementStates.Shipped))
        {
            return Answer.Problem(Refusals.InvalidState("The order has shipped units.", $"Units of order {order.Id} left the warehouse; it cannot be cancelled."));
        }
        var withdrawn = new List<Placement>();
        foreach (var pick in order.Placements.Where(p => p.State == PlacementStates.Allocated).DistinctBy(p => p.PickId))
        {
            if (await fulfilment.WithdrawPickAsync(pick.PickId!, cancellationToken) is { } refused)
            {
                // The WMS shipped it before hearing of the cancel. Picks already withdrawn have their units sourced again
                // (the order still wants them), and the cancel is refused as a whole.
                foreach (var done in withdrawn)
                {
                    await fulfilment.GiveBackAndResourceAsync(order.Id, done.Sku, done.Location, excluded: null, "withdrawn:" + done.PickId, cancellationToken);
                }
                return Answer.Problem(Refusals.Of(refused, "WMS"));
            }
            withdrawn.Add(pick);
        }
        // Waiting units stop waiting before anything is released: a fill pass that reserves for this order afterwards
        // finds its backorder cancelled and gives the units back, and one that got in before is released below.
        await backorders.CancelOfAsync(order.Id, cancellationToken);
        ErpAnswers.Content(await erp.ReleaseReservationsAsync($"{order.Id}:cancel", new ReleaseRequest { Reference = order.Id }, cancellationToken));
        await orders.MoveAsync(order.Id, OrderStates.Reserved, OrderStates.Cancelled, cancellationToken);
        return await CurrentAsync(order.Id, cancellationToken);
    }

    private async Task<Answer> CurrentAsync(string orderId, CancellationToken cancellationToken) =>
        Answer.Json(200, (await orders.FindAsync(orderId, cancellationToken))!.ToContract());
}
