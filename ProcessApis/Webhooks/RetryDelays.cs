namespace IntegrationGateway.ProcessApis.Webhooks;

/// <summary>The wait after a failed attempt: the schedule's step (the last repeating), lengthened by jitter; a receiver's Retry-After wins.</summary>
public static class RetryDelays
{
    public static TimeSpan After(int failedAttempts, TimeSpan? retryAfter, WebhookOptions options)
    {
        if (retryAfter is { } asked)
        {
            return asked < options.MaxRetryAfter ? asked : options.MaxRetryAfter;
        }
        var schedule = options.Schedule;
        var step = schedule[Math.Clamp(failedAttempts - 1, 0, schedule.Count - 1)];
        return step + step * (options.Jitter * Random.Shared.NextDouble());
    }
}
