namespace IntegrationGateway.ServiceDefaults.Downstream;

/// <summary>
/// How a layer calls the next: which failures it retries and how long it waits. Only the layer nearest a
/// failure retries its answers, so retries never multiply; an outer layer waits longer than the inner layer's
/// whole budget, so it never gives up on a call that is still being worked on below.
/// </summary>
public sealed record DownstreamRetry(bool RetryTransientAnswers, TimeSpan AttemptTimeout, TimeSpan TotalTimeout)
{
    /// <summary>Next to the system of record: retry transport failures, timeouts and transient answers (408, 429, 5xx).</summary>
    public static readonly DownstreamRetry TransientFailures = new(true, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(12));

    /// <summary>
    /// Above a layer that retries for itself: repeat only a call that never arrived (connection refused). A timed-out
    /// call may still be running below, so it is not sent again; the budget covers the inner layer's whole one.
    /// </summary>
    public static readonly DownstreamRetry TransportFailuresOnly = new(false, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(35));
}
