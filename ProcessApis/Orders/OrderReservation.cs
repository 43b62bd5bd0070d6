using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ProcessApis.Backorders;
using IntegrationGateway.ProcessApis.OrderBook;
using IntegrationGateway.ProcessApis.Sourcing;
using IntegrationGateway.ProcessApis.Steps;
using IntegrationGateway.ServiceDefaults.Problems;

namespace IntegrationGateway.ProcessApis.Orders;

/// <summary>
/// Places an order: source every line, reserve each allocation at the ERP, and if anything is refused or
/// fails, release everything reserved under the order's id so nothing is left behind (invariant 5).
/// </summary>
public sealed class OrderReservation(IErpClient erp, StockReader stock, OrderStore orders, BackorderFiller backorders, IStepHook steps, ILogger<OrderReservation> logger)
{
    // Between our read of the ERP and our reservation another order may take the stock; sourcing again
    // with fresh figures usually finds it elsewhere. After this many tries the order is refused as short.
    private const int MaxAttempts = 3;

    public async Task<ReservationOutcome> ReserveAsync(
        string orderId, OrderRequest request, Channel channel, string idempotencyKey, IReadOnlyList<Demand> demand, CancellationToken cancellationToken)
    {
        await ServeWaitingFirstAsync(demand, cancellationToken);
        await orders.InsertPendingAsync(orderId, request.Channel, request.OrderRef, request.ShipToRegion, idempotencyKey, demand, cancellationToken);
        await steps.ReachedAsync(ProcessSteps.OrderPending, cancellationToken);
        try
        {
            var outcome = await SourceAndReserveAsync(orderId, request, channel, demand, cancellationToken);
            if (outcome is not ReservationOutcome.Reserved)
            {
                await orders.MoveAsync(orderId, OrderStates.Pending, OrderStates.Rejected, CancellationToken.None);
            }
            return outcome;
        }
        catch (Exception failure) when (DependencyFailure.IsDependencyFailure(failure, cancellationToken))
        {
            await CompensateAsync(orderId, OrderStates.Pending);
            throw;
        }
    }

    /// <summary>
    /// Units already waiting for these SKUs are served before this order takes any (first come, first served): stock
    /// that arrived since the last fill pass goes to the backorders. A fill that cannot run now (a system is down) does
    /// not stop the order; the sweeper serves the backorders on its next pass.
    /// </summary>
    private async Task ServeWaitingFirstAsync(IReadOnlyList<Demand> demand, CancellationToken cancellationToken)
    {
        try
        {
            await backorders.FillAsync(demand.Select(d => d.Sku).ToList(), waitForBusyOrders: true, cancellationToken);
        }
        catch (Exception failure) when (DependencyFailure.IsDependencyFailure(failure, cancellationToken))
        {
            logger.LogWarning(failure, "Backorders of {Skus} could not be served before a new order", string.Join(", ", demand.Select(d => d.Sku)));
        }
    }

    /// <summary>
    /// Releases whatever the order holds at the ERP. When the ERP cannot be reached the order is left
    /// compensating and the recovery sweeper tries again; stock is held a little longer, never lost.
    /// </summary>
    public async Task CompensateAsync(string orderId, string fromState)
    {
        if (fromState != OrderStates.Compensating && !await orders.MoveAsync(orderId, fromState, OrderStates.Compensating, CancellationToken.None))
        {
            return;
        }
        try
        {
            ErpAnswers.Content(await erp.ReleaseReservationsAsync($"{orderId}:compensate", new ReleaseRequest { Reference = orderId }, CancellationToken.None));
            await orders.MoveAsync(orderId, OrderStates.Compensating, OrderStates.Failed, CancellationToken.None);
        }
        catch (Exception failure) when (DependencyFailure.IsDependencyFailure(failure, CancellationToken.None))
        {
            logger.LogWarning(failure, "Order {OrderId} could not be released yet; recovery will retry", orderId);
        }
    }

    /// <summary>
    /// Sources among the channel's locations with its strategy, against the ERP's real availability: channel rules
    /// shape what a channel is told, not what an order may take, and the ERP stays the arbiter of every reservation.
    /// </summary>
    private async Task<ReservationOutcome> SourceAndReserveAsync(string orderId, OrderRequest request, Channel channel, IReadOnlyList<Demand> demand, CancellationToken cancellationToken)
    {
        var skus = demand.Select(d => d.Sku).ToList();
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await stock.ReadAsync(skus, channel, cancellationToken);
            var unknown = skus.Where(s => !snapshot.KnownSkus.Contains(s)).ToList();
            if (unknown.Count > 0)
            {
                return new ReservationOutcome.UnknownSkus(unknown);
            }
            var (plan, shortages) = Plan(request, channel, demand, snapshot);
            if (plan is null)
            {
                return new ReservationOutcome.Short(shortages);
            }
            if (await ErpReservations.ReserveAllAsync(erp, orderId, plan.Allocations,
                // The key names the order, the attempt and the line, so a retried call is applied once and a new attempt is new.
                (a, _) => $"{orderId}:{attempt}:{a.Sku}:{a.Location}", cancellationToken))
            {
                await steps.ReachedAsync(ProcessSteps.OrderReservedAtErp, cancellationToken);
                // Recovery may have judged the order stranded and released it while we were working.
                var order = await orders.MarkReservedAsync(orderId, plan.Allocations, plan.Backordered, cancellationToken)
                    ?? throw new DependencyUnavailableException("order recovery", 409);
                await steps.ReachedAsync(ProcessSteps.OrderRecorded, cancellationToken);
                return new ReservationOutcome.Reserved(order);
            }
            ErpAnswers.Content(await erp.ReleaseReservationsAsync($"{orderId}:retry-{attempt}", new ReleaseRequest { Reference = orderId }, cancellationToken));
            if (attempt == MaxAttempts)
            {
                var now = await stock.ReadAsync(skus, channel, cancellationToken);
                return new ReservationOutcome.Short(demand
                    .Select(d => new Shortage(d.Sku, d.Quantity, now.Balances.Where(b => b.Sku == d.Sku).Sum(b => b.Available)))
                    .ToList());
            }
        }
    }

    /// <summary>
    /// The whole order from the channel's locations; or, for an order that takes backorders, what they hold now and
    /// the rest waiting. No plan, and the shortages, when the order must be refused as short.
    /// </summary>
    private static (BackorderPlan? Plan, IReadOnlyList<Shortage> Shortages) Plan(OrderRequest request, Channel channel, IReadOnlyList<Demand> demand, StockSnapshot snapshot)
    {
        if (request.AllowBackorder == true)
        {
            return (SourcingPlanner.PlanWithBackorders(demand, snapshot.Locations, snapshot.Available, request.ShipToRegion, request.AllowSplit ?? true, channel.SourcingStrategy), []);
        }
        var plan = SourcingPlanner.Plan(demand, snapshot.Locations, snapshot.Available, request.ShipToRegion, request.AllowSplit ?? true, channel.SourcingStrategy);
        return plan.IsComplete ? (new BackorderPlan(plan.Allocations, []), []) : (null, plan.Shortages);
    }
}
