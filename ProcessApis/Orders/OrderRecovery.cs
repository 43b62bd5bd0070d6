using IntegrationGateway.ProcessApis.Idempotency;
using IntegrationGateway.ProcessApis.Background;
using Microsoft.Extensions.Options;

namespace IntegrationGateway.ProcessApis.Orders;

/// <summary>
/// Finishes what a crash or an ERP outage interrupted: an order stuck mid-way has its reservations released
/// and its Idempotency-Key freed, so stock never stays held by an order nobody will confirm.
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
            await reservation.CompensateAsync(stranded.Id, stranded.State);
            await keys.AbandonAsync(stranded.Channel, stranded.IdempotencyKey);
        }
    }
}
