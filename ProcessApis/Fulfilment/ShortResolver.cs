using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ProcessApis.Backorders;
using IntegrationGateway.ProcessApis.Holds;
using IntegrationGateway.ProcessApis.OrderBook;
using IntegrationGateway.ServiceDefaults.Problems;

namespace IntegrationGateway.ProcessApis.Fulfilment;

/// <summary>
/// Deals with one reservation a count took back, exactly once whoever asks (the count request or the sweep): units
/// taken from an order are sourced again elsewhere or backordered, units taken from a cart hold shrink the hold.
/// </summary>
public sealed class ShortResolver(ShortClaims claims, OrderStore orders, OrderLeases leases, PlacementStore placements, HoldStore holds,
    OrderFulfilment fulfilment, Resourcing resourcing, TimeProvider time)
{
    private static readonly TimeSpan WaitStep = TimeSpan.FromMilliseconds(100);

    /// <summary>The outcome; null when another caller holds the claim and has not finished within a few seconds.</summary>
    public async Task<ShortLine?> ResolveAsync(Reservation taken, CancellationToken cancellationToken)
    {
        if (await claims.TryClaimAsync(taken.Id, cancellationToken))
        {
            var (held, outcome) = await leases.RunAsync(taken.Reference, wait: true, () => ResolveOnceAsync(taken, cancellationToken), cancellationToken);
            if (!held && await orders.FindAsync(taken.Reference, cancellationToken) is not null)
            {
                // The order stayed busy; the claim goes stale and the next sweep resolves the reservation.
                throw new DependencyUnavailableException("order " + taken.Reference, 409);
            }
            if (!held)
            {
                // Not an order (a cart hold's reference): there is no order lease to take.
                outcome = await ResolveOnceAsync(taken, cancellationToken);
            }
            await claims.ResolvedAsync(taken.Id, Name(outcome), cancellationToken);
            return Line(taken, outcome);
        }
        for (var wait = 0; wait < 50; wait++)
        {
            if (await claims.OutcomeAsync(taken.Id, cancellationToken) is { } done)
            {
                return Line(taken, Parse(done));
            }
            await Task.Delay(WaitStep, time, cancellationToken);
        }
        return null;
    }

    private static ShortLine Line(Reservation taken, ShortOutcome outcome) => new()
    {
        Reference = taken.Reference, Sku = taken.Sku, Location = taken.Location, Quantity = taken.Quantity, Outcome = outcome,
    };

    private static string Name(ShortOutcome outcome) => outcome switch
    {
        ShortOutcome.ReSourced => "re-sourced",
        ShortOutcome.Backordered => "backordered",
        _ => "released",
    };

    private static ShortOutcome Parse(string outcome) => outcome switch
    {
        "re-sourced" => ShortOutcome.ReSourced,
        "backordered" => ShortOutcome.Backordered,
        _ => ShortOutcome.Released,
    };

    private async Task<ShortOutcome> ResolveOnceAsync(Reservation taken, CancellationToken cancellationToken)
    {
        var order = taken.Reference.Length <= 40 ? await orders.FindAsync(taken.Reference, cancellationToken) : null;
        if (order is not { State: OrderStates.Reserved })
        {
            // A cart hold shrinks by what the count took; anything else (a cancelled order, a reservation made outside
            // the process) had nothing more to lose.
            await holds.ShrinkAsync(taken.Reference, taken.Sku, taken.Location, taken.Quantity, cancellationToken);
            return ShortOutcome.Released;
        }
        // Named by the reservation alone, so whoever resolves it (again, after a crash) repeats no call.
        var seed = $"short:{taken.Id}";
        var (_, reserved) = await placements.AtAsync(order.Id, taken.Sku, taken.Location, cancellationToken);
        ResourcingResult outcome;
        if (reserved >= taken.Quantity)
        {
            // Only units not yet on the floor were taken: source that many again; the location may still serve them.
            outcome = await resourcing.ReserveAsync(order.Id, order.Channel, order.ShipToRegion, taken.Sku, taken.Quantity, null, seed, cancellationToken);
            await placements.ReplaceAsync(order.Id, taken.Sku, taken.Location, taken.Quantity, outcome.Reserved, outcome.Backordered, cancellationToken, taken.Id);
        }
        else
        {
            // Units of an open pick were taken: the pick is withdrawn and everything of the SKU there is sourced again.
            // (A pick the WMS shipped meanwhile refuses; its confirmation will find the units released and answer 409.)
            foreach (var pick in order.Placements.Where(p => p.Sku == taken.Sku && p.Location == taken.Location && p.State == PlacementStates.Allocated).DistinctBy(p => p.PickId))
            {
                await fulfilment.WithdrawPickAsync(pick.PickId!, cancellationToken);
            }
            outcome = await fulfilment.GiveBackAndResourceAsync(order.Id, taken.Sku, taken.Location, excluded: null, seed, cancellationToken, taken.Id);
        }
        return outcome.Backordered > 0 ? ShortOutcome.Backordered : ShortOutcome.ReSourced;
    }
}
