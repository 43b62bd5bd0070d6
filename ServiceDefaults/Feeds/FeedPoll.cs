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

    /// <summary>
    /// How a poll of the whole feed (not a filtered part of it) tells the signal what it saw: the cursor it reads after,
    /// its page size, and each row's position. A follower that is caught up comes back right after each answer, and
    /// its first read would find nothing: with this, it waits for the next commit without reading.
    /// </summary>
    public sealed record Whole<T>(long After, int Limit, Func<T, long> PositionOf);

    public static async Task<IReadOnlyList<T>> ReadAsync<T>(Func<CancellationToken, Task<IReadOnlyList<T>>> read, FeedSignal signal, TimeSpan wait, TimeProvider time,
        CancellationToken cancellationToken, Whole<T>? whole = null)
    {
        var deadline = time.GetUtcNow() + wait;
        // The first read may be skipped, never the last: a poll always answers from a read.
        var skip = whole is not null && wait > TimeSpan.Zero && signal.NothingAfter(whole.After);
        while (true)
        {
            // Taken before the read, so a commit between the read and the wait is not missed.
            var pulses = signal.Pulses;
            var next = signal.Next;
            if (!skip)
            {
                var page = await read(cancellationToken);
                if (whole is not null && page.Count < whole.Limit)
                {
                    signal.Saw(page.Count > 0 ? whole.PositionOf(page[^1]) : whole.After, pulses);
                }
                if (page.Count > 0 || deadline - time.GetUtcNow() <= TimeSpan.Zero)
                {
                    return page;
                }
            }
            skip = false;
            var left = deadline - time.GetUtcNow();
            try
            {
                await next.WaitAsync(left <= TimeSpan.Zero ? TimeSpan.Zero : left < Fallback ? left : Fallback, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                // The fallback re-read.
            }
        }
    }
}
