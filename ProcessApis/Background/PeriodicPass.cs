namespace IntegrationGateway.ProcessApis.Background;

/// <summary>
/// A background pass run every <see cref="Interval"/>: recovery, sweeps and fills. A failed pass is logged and the
/// next one tries again, so a system that is down for a while delays the work but never stops it.
/// </summary>
public abstract class PeriodicPass(TimeProvider time, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>What the log says when a pass fails.</summary>
    protected abstract string Name { get; }

    protected abstract Task RunPassAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunPassAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                logger.LogWarning(failure, "{Pass} failed; the next pass retries", Name);
            }
        }
    }
}
