namespace IntegrationGateway.ServiceDefaults.Feeds;

/// <summary>
/// Wakes the long polls of a change feed when this instance has committed something new, so a waiting consumer hears
/// of it at once. Other instances' commits are found by the poll's fallback re-read (<see cref="FeedPoll"/>). It also
/// remembers how far the feed's last read of everything reached, so a poll that would only read that nothing is
/// there yet waits for the next commit instead.
/// </summary>
public sealed class FeedSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _pulses;
    private (long Pulses, long UpTo)? _seen;

    /// <summary>Completes when <see cref="Pulse"/> is next called.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>How many commits this instance has announced: taken before a read, it tells whether one came since.</summary>
    public long Pulses => Interlocked.Read(ref _pulses);

    public void Pulse()
    {
        Interlocked.Increment(ref _pulses);
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>A read begun at <paramref name="pulses"/> found nothing after <paramref name="upTo"/>.</summary>
    public void Saw(long upTo, long pulses)
    {
        lock (_gate)
        {
            if (_seen is not { } seen || pulses > seen.Pulses || (pulses == seen.Pulses && upTo > seen.UpTo))
            {
                _seen = (pulses, upTo);
            }
        }
    }

    /// <summary>
    /// True when a read found nothing after <paramref name="after"/> and nothing was committed here since it began:
    /// reading again now could only find another instance's commit, which the fallback re-read finds too.
    /// </summary>
    public bool NothingAfter(long after)
    {
        lock (_gate)
        {
            return _seen is { } seen && seen.Pulses == Pulses && after >= seen.UpTo;
        }
    }
}
