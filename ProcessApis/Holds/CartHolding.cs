using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ProcessApis.Sourcing;
using IntegrationGateway.ProcessApis.Steps;
using IntegrationGateway.ServiceDefaults.Problems;

namespace IntegrationGateway.ProcessApis.Holds;

/// <summary>
/// Cart holds are ERP reservations under a reference per hold request ("hold:" + cart id + ":" + a short id), so a
/// refused or failed request is undone by releasing its own reference without touching what the cart held before.
/// </summary>
public sealed class CartHolding(IErpClient erp, StockReader stock, HoldStore holds, HoldClock clock, IStepHook steps, ILogger<CartHolding> logger)
{
    private const int MaxAttempts = 3;

    public async Task<HoldOutcome> HoldAsync(string cartId, CartHoldRequest request, Channel channel, string idempotencyKey, CancellationToken cancellationToken)
    {
        var demand = SourcingPlanner.Summed(request.Lines.Select(l => (l.Sku, l.Quantity)));
        var skus = demand.Select(d => d.Sku).ToList();
        var expiresAt = clock.Now.AddSeconds(request.TtlSeconds);
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await stock.ReadAsync(skus, channel, cancellationToken);
            var unknown = skus.Where(s => !snapshot.KnownSkus.Contains(s)).ToList();
            if (unknown.Count > 0)
            {
                return new HoldOutcome.UnknownSkus(unknown);
            }
            // The same planner as orders, against the ERP's real availability: the ERP is the arbiter of a hold too.
            var plan = SourcingPlanner.Plan(demand, snapshot.Locations, snapshot.Available, null, true, channel.SourcingStrategy);
            if (!plan.IsComplete)
            {
                return new HoldOutcome.Short(plan.Shortages);
            }
            var reference = $"hold:{cartId}:{Guid.NewGuid():N}"[..Math.Min(64, cartId.Length + 16)];
            await holds.InsertAsync(reference, cartId, channel.Id, idempotencyKey, plan.Allocations, expiresAt, cancellationToken);
            bool held;
            try
            {
                // The reference is new per attempt, so the line's position names it within the ERP's key length.
                held = await ErpReservations.ReserveAllAsync(erp, reference, plan.Allocations, (_, index) => $"{reference}:{index}", cancellationToken);
            }
            catch (Exception failure) when (DependencyFailure.IsDependencyFailure(failure, cancellationToken))
            {
                await UndoAsync(reference);
                throw;
            }
            if (held)
            {
                await steps.ReachedAsync(ProcessSteps.HoldReservedAtErp, cancellationToken);
                var until = await holds.ExtendAsync(cartId, expiresAt, cancellationToken);
                var rows = (await holds.ListAsync(cartId, cancellationToken)).Where(r => r.State == HoldStates.Active && r.ExpiresAt > clock.Now.ToUnixTimeMilliseconds()).ToList();
                return new HoldOutcome.Held(CartViews.Of(cartId, channel.Id, rows, until));
            }
            ErpAnswers.Content(await erp.ReleaseReservationsAsync($"{reference}:undo", new ReleaseRequest { Reference = reference }, cancellationToken));
            await holds.MoveAsync(reference, HoldStates.Active, HoldStates.Released, CancellationToken.None);
            if (attempt == MaxAttempts)
            {
                var now = await stock.ReadAsync(skus, channel, cancellationToken);
                return new HoldOutcome.Short(demand.Select(d => new Shortage(d.Sku, d.Quantity, now.Balances.Where(b => b.Sku == d.Sku).Sum(b => b.Available))).ToList());
            }
        }
    }

    /// <summary>Releases every active hold of the cart, expired or not; what was released is answered.</summary>
    public async Task<CartHolds> ReleaseAsync(string cartId, string channel, CancellationToken cancellationToken)
    {
        var active = (await holds.ListAsync(cartId, cancellationToken)).Where(r => r.State == HoldStates.Active).ToList();
        foreach (var reference in active.Select(r => r.Reference).Distinct(StringComparer.Ordinal))
        {
            await ReleaseReferenceAsync(reference, HoldStates.Active, cancellationToken);
        }
        return CartViews.Of(cartId, channel, active, null);
    }

    /// <summary>Releases a reference at the ERP; its rows pass through releasing, so a crash between the two is finished by the sweeper.</summary>
    public async Task ReleaseReferenceAsync(string reference, string from, CancellationToken cancellationToken)
    {
        if (from != HoldStates.Releasing && await holds.MoveAsync(reference, from, HoldStates.Releasing, cancellationToken) == 0)
        {
            return;
        }
        ErpAnswers.Content(await erp.ReleaseReservationsAsync($"{reference}:release", new ReleaseRequest { Reference = reference }, cancellationToken));
        await holds.MoveAsync(reference, HoldStates.Releasing, HoldStates.Released, CancellationToken.None);
    }

    private async Task UndoAsync(string reference)
    {
        try
        {
            ErpAnswers.Content(await erp.ReleaseReservationsAsync($"{reference}:undo", new ReleaseRequest { Reference = reference }, CancellationToken.None));
            await holds.MoveAsync(reference, HoldStates.Active, HoldStates.Released, CancellationToken.None);
        }
        catch (Exception failure) when (DependencyFailure.IsDependencyFailure(failure, CancellationToken.None))
        {
            // The rows stay active with their expiry: the sweeper releases the reference once it expires.
            logger.LogWarning(failure, "Hold {Reference} could not be undone yet; the sweeper releases it when it expires", reference);
        }
    }
}
