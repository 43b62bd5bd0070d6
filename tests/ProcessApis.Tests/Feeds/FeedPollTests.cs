using IntegrationGateway.ServiceDefaults.Feeds;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationGateway.ProcessApis.Tests.Feeds;

/// <summary>
/// A follower that is caught up comes back right after each answer. When the last read of the whole feed found nothing
/// after its cursor and nothing was committed here since, its poll waits for the next commit before reading; any other
/// poll reads at once, and every poll answers from a read.
/// </summary>
public sealed class FeedPollTests
{
    private const int Limit = 10;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task ACaughtUpFollowerReadsOnlyOnceACommitIsAnnounced()
    {
        var signal = new FeedSignal();
        var feed = new Feed([1, 2, 3]);
        Assert.Equal([1L, 2, 3], await PollAsync(feed, signal, after: 0));
        var reads = feed.Reads;

        // On a clock that stands still, so no fallback re-read comes before the commit does.
        var poll = FeedPoll.ReadAsync(feed.ReadAsync(3), signal, Wait, new FakeTimeProvider(), CancellationToken.None, new FeedPoll.Whole<long>(3, Limit, p => p));
        await Task.Delay(200);
        Assert.False(poll.IsCompleted);
        Assert.Equal(reads, feed.Reads);
        feed.Commit(4);
        signal.Pulse();
        Assert.Equal([4L], await poll.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(reads + 1, feed.Reads);
    }

    [Fact]
    public async Task AFollowerReadsAtOnceWhenACommitCameAfterTheLastRead()
    {
        var signal = new FeedSignal();
        var feed = new Feed([1, 2, 3]);
        await PollAsync(feed, signal, after: 0);
        feed.Commit(4);
        signal.Pulse();
        Assert.Equal([4L], await PollAsync(feed, signal, after: 3).WaitAsync(TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task AFollowerBehindTheLastReadReadsAtOnce()
    {
        var signal = new FeedSignal();
        var feed = new Feed([1, 2, 3]);
        await PollAsync(feed, signal, after: 0);
        Assert.Equal([3L], await PollAsync(feed, signal, after: 2).WaitAsync(TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task AFullPageSaysNothingOfWhatFollowsIt()
    {
        var signal = new FeedSignal();
        var feed = new Feed(Enumerable.Range(1, Limit).Select(i => (long)i));
        Assert.Equal(Limit, (await PollAsync(feed, signal, after: 0)).Count);
        // Rows after a full page were never seen not to be there: another instance's commit is read at once.
        feed.Commit(Limit + 1);
        Assert.Equal([(long)Limit + 1], await PollAsync(feed, signal, after: Limit).WaitAsync(TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task APollThatSkipsItsFirstReadStillAnswersFromAReadWhenItsWaitIsOver()
    {
        var signal = new FeedSignal();
        var feed = new Feed([1]);
        await PollAsync(feed, signal, after: 0);
        // Committed by another instance: no pulse here, so only a read finds it.
        feed.Commit(2);
        var answer = await FeedPoll.ReadAsync(feed.ReadAsync(1), signal, TimeSpan.FromMilliseconds(30), TimeProvider.System, CancellationToken.None,
            new FeedPoll.Whole<long>(1, Limit, p => p));
        Assert.Equal([2L], answer);
    }

    [Fact]
    public async Task AFilteredPollAlwaysReadsFirst()
    {
        var signal = new FeedSignal();
        var feed = new Feed([1]);
        await PollAsync(feed, signal, after: 0);
        feed.Commit(2);
        var answer = await FeedPoll.ReadAsync(feed.ReadAsync(1), signal, Wait, TimeProvider.System, CancellationToken.None).WaitAsync(TimeSpan.FromMilliseconds(500));
        Assert.Equal([2L], answer);
    }

    private static Task<IReadOnlyList<long>> PollAsync(Feed feed, FeedSignal signal, long after) =>
        FeedPoll.ReadAsync(feed.ReadAsync(after), signal, Wait, TimeProvider.System, CancellationToken.None, new FeedPoll.Whole<long>(after, Limit, p => p));

    /// <summary>Positions committed so far, read as the feed's pages are, counting the reads.</summary>
    private sealed class Feed(IEnumerable<long> committed)
    {
        private readonly List<long> _rows = [.. committed];
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public void Commit(long position)
        {
            lock (_rows)
            {
                _rows.Add(position);
            }
        }

        public Func<CancellationToken, Task<IReadOnlyList<long>>> ReadAsync(long after) => _ =>
        {
            Interlocked.Increment(ref _reads);
            lock (_rows)
            {
                return Task.FromResult<IReadOnlyList<long>>(_rows.Where(p => p > after).Take(Limit).ToList());
            }
        };
    }
}
