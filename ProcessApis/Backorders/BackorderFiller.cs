using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ProcessApis.Idempotency;
using IntegrationGateway.ProcessApis.OrderBook;
using IntegrationGateway.ProcessApis.Sourcing;

namespace IntegrationGateway.ProcessApis.Backorders;

/// <summary>
/// Fills backorders first come, first served: open backorders are visited oldest first, and each takes what the
/// locations serving its channel hold now before a younger one is looked at, so stock that arrives (a receipt, a
/// transfer in, a return to sellable) goes to whoever waited longest.
/// </summary>
public sealed class BackorderFiller(BackorderStore backorders, OrderLeases leases, Resourcing resourcing, IErpClient erp, ILogger<BackorderFiller> logger)
{
    /// <summary>
    /// One pass over the open backorders, or over those of <paramref name="skus"/> only: an order about to take stock
    /// of a SKU lets the units waiting for it go first, so arriving stock is never served out of turn.
    /// </summary>
    /// <param name="waitForBusyOrders">
    /// Whether to wait for an order another change holds (a request that must see the waiting served: a new order, an
    /// operator's fill) or pass it over until the next pass (the background sweep).
    /// </param>
    public async Task<BackorderFillResult> FillAsync(IReadOnlyCollection<string>? skus, bool waitForBusyOrders, CancellationToken cancellationToken)
    {
        var waiting = await backorders.ListOpenAsync(skus, cancellationToken);
        if (skus is not null && waiting.Count == 0)
        {
            // The common case on the order path: nothing waits for these SKUs.
            return new BackorderFillResult { Filled = [], Open = 0 };
        }
        var filled = new List<BackorderFill>();
        // A SKU a channel's locations could give nothing of in this pass gives nothing to its younger backorders either
        // (the ship-to region orders locations, it does not add any), so they are not asked again.
        var exhausted = new HashSet<(string Sku, string Channel)>();
        foreach (var backorder in waiting)
        {
            if (exhausted.Contains((backorder.Sku, backorder.Channel)))
            {
                continue;
            }
            // Each backorder is filled under its order's lease and only while it still waits for what was listed, so
            // passes running side by side (a sweep, an order's own pass) never fill one twice.
            var (_, outcome) = await leases.RunAsync(backorder.OrderId, waitForBusyOrders, () => FillOneAsync(backorder, cancellationToken), cancellationToken);
            if (outcome is null)
            {
                continue;
            }
            filled.AddRange(outcome.Filled);
            if (outcome.Exhausted)
            {
                exhausted.Add((backorder.Sku, backorder.Channel));
            }
        }
        return new BackorderFillResult { Filled = filled, Open = skus is null ? await backorders.OpenUnitsAsync(cancellationToken) : 0 };
    }

    /// <summary>What one backorder got, and whether the SKU had nothing more for its channel.</summary>
    private sealed record FillOutcome(IReadOnlyList<BackorderFill> Filled, bool Exhausted);

    private async Task<FillOutcome> FillOneAsync(OpenBackorder backorder, CancellationToken cancellationToken)
    {
        if (!await backorders.IsStillOpenAsync(backorder, cancellationToken))
        {
            // Filled or cancelled since it was listed (by a change that held the lease before us).
            return new FillOutcome([], false);
        }
        // The key names the backorder and what it still wanted, so a pass cut short and run again repeats nothing.
        var seed = $"backorder:{backorder.Id}:{backorder.Quantity}";
        var result = await resourcing.ReserveAsync(backorder.OrderId, backorder.Channel, backorder.ShipToRegion, backorder.Sku, backorder.Quantity, null, seed, cancellationToken);
        if (result.Reserved.Count == 0)
        {
            return new FillOutcome([], true);
        }
        if (!await backorders.FillAsync(backorder, result.Reserved, cancellationToken))
        {
            // Only a crash of the lease holder can get here (it outlived its term): what we reserved is not the order's to keep.
            logger.LogInformation("Backorder {BackorderId} moved on while being filled; releasing what was reserved", backorder.Id);
            foreach (var reserved in result.Reserved)
            {
                ErpAnswers.Content(await erp.ReleaseReservationsAsync(DerivedKeys.Of("backorder-undo", seed, reserved.Location),
                    new ReleaseRequest { Reference = backorder.OrderId, Sku = reserved.Sku, Location = reserved.Location }, cancellationToken));
            }
            return new FillOutcome([], false);
        }
        return new FillOutcome(result.Reserved.Select(r => new BackorderFill { OrderId = backorder.OrderId, Sku = r.Sku, Location = r.Location, Quantity = r.Quantity }).ToList(),
            result.Backordered > 0);
    }
}
