using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.Contracts.Wms;
using IntegrationGateway.ProcessApis.Backorders;
using IntegrationGateway.ProcessApis.Idempotency;
using IntegrationGateway.ProcessApis.OrderBook;
using IntegrationGateway.ProcessApis.Sourcing;
using IntegrationGateway.ProcessApis.Steps;
using Refit;

namespace IntegrationGateway.ProcessApis.Fulfilment;

/// <summary>
/// The process side of fulfilment (DESIGN.md, Allocate and Ship confirm). The WMS is the authority on what happened on
/// the floor and is asked first; the ERP is then posted with the consequence. Every downstream call carries a key
/// derived from the caller's, so a retried request repeats nothing. At most one pick is open per order, SKU and
/// location: that keeps the ERP's per-balance moves and the WMS's picks one to one.
/// </summary>
public sealed class OrderFulfilment(IErpClient erp, IWmsClient wms, OrderStore orders, PlacementStore placements, Resourcing resourcing,
    IStepHook steps, ILogger<OrderFulfilment> logger)
{
    public async Task<Answer> AllocateAsync(OrderRecord order, string key, CancellationToken cancellationToken)
    {
        if (order.State != OrderStates.Reserved)
        {
            return Answer.Problem(Refusals.InvalidState("The order cannot be allocated.", $"Order {order.Id} is {order.State}."));
        }
        var open = order.Placements.Where(p => p.State == PlacementStates.Allocated).Select(p => (p.Sku, p.Location)).ToHashSet();
        var waiting = order.Placements.Where(p => p.State == PlacementStates.Reserved && !open.Contains((p.Sku, p.Location)))
            .GroupBy(p => (p.Sku, p.Location)).Select(g => g.Key).ToList();
        foreach (var (sku, location) in waiting)
        {
            var line = new ReservationLineRequest { Reference = order.Id, Sku = sku, Location = location };
            var allocated = await erp.AllocateReservationsAsync(DerivedKeys.Of("allocate", order.Id, key, sku, location), line, cancellationToken);
            if (Refusals.IsRefusal(allocated))
            {
                // A count took these units back meanwhile; it re-sourced them itself.
                logger.LogInformation("Nothing reserved to allocate for {OrderId} {Sku} at {Location}", order.Id, sku, location);
                continue;
            }
            var moved = ErpAnswers.Content(allocated);
            await steps.ReachedAsync(ProcessSteps.AllocatedAtErp, cancellationToken);
            var pick = await wms.CreatePickAsync(DerivedKeys.Of("pick", order.Id, key, sku, location),
                new PickRequest { Reference = order.Id, Sku = sku, Location = location, Quantity = moved.Quantity }, cancellationToken);
            var pickId = SystemAnswers.Content(pick, "WMS").Id;
            await steps.ReachedAsync(ProcessSteps.AllocatePicked, cancellationToken);
            // Exactly the units the ERP moved: a unit reserved meanwhile (a backorder filled) stays reserved on both sides.
            await placements.MarkAllocatedAsync(order.Id, sku, location, moved.Quantity, pickId, cancellationToken);
        }
        await steps.ReachedAsync(ProcessSteps.AllocateRecorded, cancellationToken);
        return await CurrentAsync(order.Id, cancellationToken);
    }

    public async Task<Answer> ConfirmShipmentAsync(string orderId, IReadOnlyList<Placement> pick, string key, CancellationToken cancellationToken)
    {
        var (pickId, sku, location) = (pick[0].PickId!, pick[0].Sku, pick[0].Location);
        if (pick.All(p => p.State == PlacementStates.Shipped))
        {
            return await CurrentAsync(orderId, cancellationToken);
        }
        var shipped = await wms.ShipPickAsync(pickId, DerivedKeys.Of("wms-ship", pickId), cancellationToken);
        if (Refusals.IsRefusal(shipped))
        {
            return Answer.Problem(Refusals.Of(shipped, "WMS"));
        }
        SystemAnswers.Content(shipped, "WMS");
        var posted = await erp.ShipReservationsAsync(DerivedKeys.Of("erp-ship", pickId), new ReservationLineRequest { Reference = orderId, Sku = sku, Location = location }, cancellationToken);
        if (Refusals.IsRefusal(posted))
        {
            return Answer.Problem(Refusals.Of(posted, "ERP"));
        }
        ErpAnswers.Content(posted);
        await placements.MarkShippedAsync(pickId, cancellationToken);
        return await CurrentAsync(orderId, cancellationToken);
    }

    /// <summary>
    /// The pickers found the location short: the WMS records it (and flags the location for a count), the ERP gives the
    /// units back, and they are sourced again anywhere but there, or backordered.
    /// </summary>
    public async Task<Answer> RefuseAsync(string orderId, IReadOnlyList<Placement> pick, string reason, string key, CancellationToken cancellationToken)
    {
        var (pickId, sku, location) = (pick[0].PickId!, pick[0].Sku, pick[0].Location);
        if (pick.Any(p => p.State == PlacementStates.Shipped))
        {
            return Answer.Problem(Refusals.InvalidState("The pick has shipped.", $"Pick {pickId} was confirmed shipped; it cannot be refused."));
        }
        var refused = await wms.RefusePickAsync(pickId, DerivedKeys.Of("wms-refuse", pickId), new PickRefusal { Reason = reason }, cancellationToken);
        if (Refusals.IsRefusal(refused))
        {
            return Answer.Problem(Refusals.Of(refused, "WMS"));
        }
        SystemAnswers.Content(refused, "WMS");
        await GiveBackAndResourceAsync(orderId, sku, location, excluded: location, "refuse:" + pickId, cancellationToken);
        return await CurrentAsync(orderId, cancellationToken);
    }

    /// <summary>Withdraws an open pick at the WMS: null when it is withdrawn, or the WMS's refusal (it shipped or was refused meanwhile).</summary>
    public async Task<IApiResponse<Pick>?> WithdrawPickAsync(string pickId, CancellationToken cancellationToken)
    {
        var cancelled = await wms.CancelPickAsync(pickId, DerivedKeys.Of("wms-cancel", pickId), cancellationToken);
        if (Refusals.IsRefusal(cancelled))
        {
            return cancelled;
        }
        SystemAnswers.Content(cancelled, "WMS");
        return null;
    }

    /// <summary>Every unshipped unit of the order's SKU at the location goes back at the ERP and is sourced again or backordered.</summary>
    public async Task<ResourcingResult> GiveBackAndResourceAsync(string orderId, string sku, string location, string? excluded, string seed,
        CancellationToken cancellationToken, string? resolvesShort = null)
    {
        var order = await orders.FindAsync(orderId, cancellationToken) ?? throw new InvalidOperationException($"Order {orderId} vanished.");
        var (unshipped, _) = await placements.AtAsync(orderId, sku, location, cancellationToken);
        ErpAnswers.Content(await erp.ReleaseReservationsAsync(DerivedKeys.Of("release", seed), new ReleaseRequest { Reference = orderId, Sku = sku, Location = location }, cancellationToken));
        var result = unshipped > 0
            ? await resourcing.ReserveAsync(orderId, order.Channel, order.ShipToRegion, sku, unshipped, excluded, seed, cancellationToken)
            : new ResourcingResult([], 0);
        await placements.ReplaceAsync(orderId, sku, location, null, result.Reserved, result.Backordered, cancellationToken, resolvesShort);
        return result;
    }

    private async Task<Answer> CurrentAsync(string orderId, CancellationToken cancellationToken) =>
        Answer.Json(200, (await orders.FindAsync(orderId, cancellationToken))!.ToContract());
}
