using IntegrationGateway.ProcessApis.Idempotency;
using Microsoft.Extensions.Options;

namespace IntegrationGateway.ProcessApis.Orders;

/// <summary>
/// Finishes what a crash or an ERP outage interrupted: an order stuck mid-way has its reservations released
/// and its Idempotency-Key freed, so stock never stays held by an order nobody will confirm.
/// </summary>
public sealed class OrderRecovery(IServiceScopeFactory scopes, TimeProvider time, IOptions<OrderRecoveryOptions> options, ILogger<OrderRecovery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, time);
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
        foreach (var stranded in await orders.ListStrandedAsync(options.Value.StrandedAfter, cancellationToken))
        {
            await reservation.CompensateAsync(stranded.Id, stranded.State);
            await keys.AbandonAsync(stranded.Channel, stranded.IdempotencyKey);
        }
    }
}
