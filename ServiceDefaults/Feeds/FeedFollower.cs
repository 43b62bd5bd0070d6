using Microsoft.Extensions.Logging;

namespace IntegrationGateway.ServiceDefaults.Feeds;

/// <summary>
/// Follows a change feed for as long as the service runs: one step after another (each a long poll), and after a
/// failed step a pause before the next, so a feed that is down is retried without spinning.
/// </summary>
public static class FeedFollower
{
    public static readonly TimeSpan AfterFailure = TimeSpan.FromSeconds(1);

    public static async Task RunAsync(Func<CancellationToken, Task> step, string feed, TimeProvider time, ILogger logger, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await step(stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(failure, "Following {Feed} failed; retrying", feed);
                await Task.Delay(AfterFailure, time, stoppingToken);
            }
        }
    }
}
