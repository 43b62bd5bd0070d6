namespace IntegrationGateway.TestSupport;

/// <summary>
/// Waits for something that converges (a circuit breaker closing, a recovery pass) by retrying a bounded
/// number of times, as a well-behaved client would; never a fixed sleep.
/// </summary>
public static class Eventually
{
    public static async Task<T> ReachesAsync<T>(Func<Task<T>> attempt, Func<T, bool> done, TimeSpan within, TimeSpan? every = null)
    {
        var deadline = DateTimeOffset.UtcNow + within;
        while (true)
        {
            var result = await attempt();
            if (done(result) || DateTimeOffset.UtcNow > deadline)
            {
                return result;
            }
            await Task.Delay(every ?? TimeSpan.FromMilliseconds(250));
        }
    }
}
