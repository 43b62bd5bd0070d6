namespace IntegrationGateway.ServiceDefaults.Feeds;

/// <summary>
/// A long poll over a change feed: read; when nothing follows the cursor, wait for this instance's signal or a short
/// fallback interval (for commits made by another instance sharing the database), and read again until the caller's
/// wait is over.
/// </summary>
public static class FeedPoll
{
    /// <summary>How often a waiting poll re-reads when no signal comes: the lag of a commit made by another instance.</summary>
    public static readonly TimeSpan Fallback = TimeSpan.FromMilliseconds(100);

    public static async Task<IReadOnlyList<T>> ReadAsync<T>(Func<CancellationToken, Task<IReadOnlyList<T>>> read, FeedSignal signal, TimeSpan wait, TimeProvider time, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + wait;
        while (true)
        {
            // Taken before the read, so a commit between the read and the wait is not missed.
            var next = signal.Next;
            var page = await read(cancellationToken);
            var left = deadline - time.GetUtcNow();
            if (page.Count > 0 || left <= TimeSpan.Zero)
            {
                return page;
            }
            try
            {
                await next.WaitAsync(left < Fallback ? left : Fallback, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                // The fallback re-read.
            }
        }
    }
}
