using IntegrationGateway.ProcessApis.Background;
using IntegrationGateway.ProcessApis.Channels;
using IntegrationGateway.ProcessApis.Holds;
using IntegrationGateway.ProcessApis.Idempotency;
using IntegrationGateway.ProcessApis.OrderBook;
using IntegrationGateway.ServiceDefaults.Problems;
using Microsoft.Extensions.Options;

namespace IntegrationGateway.ProcessApis.Orders;

/// <summary>
/// Finishes what a crash or an ERP outage interrupted. An order stuck mid-way has its reservations released and its
/// Idempotency-Key freed, so stock never stays held by an order nobody will confirm; a cart confirm stuck mid-way is
/// finished (the ERP is asked again under the same key) and its answer stored, because its holds were the buyer's already.
/// Then every key a crash left in progress is completed with the order it placed, or released for a retry.
/// </summary>
public sealed class OrderRecovery(IServiceScopeFactory scopes, TimeProvider time, IOptions<OrderRecoveryOptions> options, ILogger<OrderRecovery> logger)
    : PeriodicPass(time, logger)
{
    protected override TimeSpan Interval => options.Value.Interval;

    protected override string Name => "Order recovery pass";

    protected override Task RunPassAsync(CancellationToken cancellationToken) => RecoverAsync(cancellationToken);

    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var orders = scope.ServiceProvider.GetRequiredService<OrderStore>();
        var reservation = scope.ServiceProvider.GetRequiredService<OrderReservation>();
        var keys = scope.ServiceProvider.GetRequiredService<IdempotencyStore>();
        foreach (var stranded in await orders.ListStrandedAsync(options.Value.StrandedAfter, cancellationToken))
        {
            if (stranded.State == OrderStates.Pending && await FinishConfirmAsync(scope.ServiceProvider, stranded, keys, cancellationToken))
            {
                continue;
            }
            await reservation.CompensateAsync(stranded.Id, stranded.State);
            await keys.AbandonAsync(stranded.Channel, stranded.IdempotencyKey);
        }
        await SettleKeysAsync(orders, scope.ServiceProvider.GetRequiredService<HoldStore>(), scope.ServiceProvider.GetRequiredService<CartHolding>(), keys, cancellationToken);
    }

    /// <summary>True when the order is a cart confirm (its holds are confirming for it) and this pass dealt with it.</summary>
    private async Task<bool> FinishConfirmAsync(IServiceProvider services, StrandedOrder stranded, IdempotencyStore keys, CancellationToken cancellationToken)
    {
        var holds = services.GetRequiredService<HoldStore>();
        if ((await holds.ListOfOrderAsync(stranded.Id, HoldStates.Confirming, cancellationToken)).Count == 0)
        {
            return false;
        }
        var channel = await services.GetRequiredService<ChannelStore>().FindAsync(stranded.Channel, cancellationToken)
            ?? throw new InvalidOperationException($"Order {stranded.Id} names no channel.");
        try
        {
            var answer = await services.GetRequiredService<CartConfirmation>().FinishAsync(stranded.Id, channel, cancellationToken);
            await keys.CompleteAsync(stranded.Channel, stranded.IdempotencyKey, answer.StatusCode, answer.ContentType, answer.Body, cancellationToken);
        }
        catch (Exception failure) when (DependencyFailure.IsDependencyFailure(failure, cancellationToken))
        {
            logger.LogWarning(failure, "Confirm of order {OrderId} could not be finished yet; the next pass retries", stranded.Id);
        }
        return true;
    }

    /// <summary>
    /// Keys left in progress longer than any request runs: their request died. A key whose order was placed gets the
    /// order as its answer (the first answer, had it left); one whose order is still being recovered waits for that;
    /// a hold request's is released with the holds it made (its answer never left, so the retry holds once); any other is
    /// released, since the commands it may name repeat nothing when run again under the same key.
    /// </summary>
    private async Task SettleKeysAsync(OrderStore orders, HoldStore holds, CartHolding carts, IdempotencyStore keys, CancellationToken cancellationToken)
    {
        foreach (var (scope, key) in await keys.ListInProgressAsync(options.Value.StrandedAfter, cancellationToken))
        {
            var placed = await orders.FindByKeyAsync(scope, key, cancellationToken);
            if (placed is { State: OrderStates.Pending or OrderStates.Compensating })
            {
                continue;
            }
            if (placed is { State: OrderStates.Reserved or OrderStates.Cancelled } && await orders.FindAsync(placed.Value.Id, cancellationToken) is { } order)
            {
                await keys.CompleteAsync(scope, key, 201, "application/json", order.ToContract(), cancellationToken);
                continue;
            }
            foreach (var reference in await holds.ActiveReferencesOfKeyAsync(scope, key, cancellationToken))
            {
                await carts.ReleaseReferenceAsync(reference, HoldStates.Active, cancellationToken);
            }
            await keys.AbandonAsync(scope, key);
        }
    }
}
