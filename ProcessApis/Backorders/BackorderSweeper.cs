using Microsoft.Extensions.Options;

namespace IntegrationGateway.ProcessApis.Backorders;

/// <summary>Runs a fill pass every <see cref="BackorderOptions.FillInterval"/>: stock arrives through the ERP, which never calls up.</summary>
public sealed class BackorderSweeper(IServiceScopeFactory scopes, TimeProvider time, IOptions<BackorderOptions> options, ILogger<BackorderSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FillInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<BackorderFiller>().FillAsync(null, waitForBusyOrders: false, stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                logger.LogWarning(failure, "Backorder fill failed; the next pass retries");
            }
        }
    }
}
