using IntegrationGateway.ProcessApis.Idempotency;

namespace IntegrationGateway.ProcessApis.Orders;

/// <summary>
/// Finishes what a crash or an ERP outage interrupted: an order stuck mid-way has its reservations released
/// and its Idempotency-Key freed, so stock never stays held by an order nobody will confirm.
/// </summary>
public sealed class OrderRecovery(IServiceScopeFactory scopes, TimeProvider time, ILogger<OrderRecovery> logger) : BackgroundService
{
    /// <summary>Longer than any request may take (its timeouts add up to well under this), so live orders are never taken.</summary>
    public static readonly TimeSpan StrandedAfter = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RecoverAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                logger.LogWarning(failure, "Order recovery pass failed; the next pass retries");
            }
        }
    }

    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var orders = scope.ServiceProvider.GetRequiredService<OrderStore>();
        var reservation = scope.ServiceProvider.GetRequiredService<OrderReservation>();
        var keys = scope.ServiceProvider.GetRequiredService<IdempotencyStore>();
        foreach (var stranded in await orders.ListStrandedAsync(StrandedAfter, cancellationToken))
        {
            await reservation.CompensateAsync(stranded.Id, stranded.State);
            await keys.AbandonAsync(stranded.Channel, stranded.IdempotencyKey);
        }
    }
}
