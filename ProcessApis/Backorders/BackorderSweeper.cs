using IntegrationGateway.ProcessApis.Background;
using Microsoft.Extensions.Options;

namespace IntegrationGateway.ProcessApis.Backorders;

/// <summary>Runs a fill pass every <see cref="BackorderOptions.FillInterval"/>: stock arrives through the ERP, which never calls up.</summary>
public sealed class BackorderSweeper(IServiceScopeFactory scopes, TimeProvider time, IOptions<BackorderOptions> options, ILogger<BackorderSweeper> logger)
    : PeriodicPass(time, logger)
{
    protected override TimeSpan Interval => options.Value.FillInterval;

    protected override string Name => "Backorder fill";

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        // Orders being changed are passed over; the next pass comes back to them.
        await scope.ServiceProvider.GetRequiredService<BackorderFiller>().FillAsync(null, waitForBusyOrders: false, cancellationToken);
    }
}
