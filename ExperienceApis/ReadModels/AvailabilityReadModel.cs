using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using IntegrationGateway.Contracts.Process;

namespace IntegrationGateway.ExperienceApis.ReadModels;

/// <summary>
/// This instance's per-channel read models of published availability. A channel's view is built from the process
/// API's published figures the first time it is needed (a read or an event of that channel) and kept current by
/// <see cref="ReadModelFeeder"/>; reads are answered from memory, with no call to the process API.
/// </summary>
public sealed class AvailabilityReadModel
{
    private const int PageSize = 1000;
    private readonly ConcurrentDictionary<string, Lazy<Task<ChannelView>>> _views = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ChannelView> _built = new(StringComparer.Ordinal);
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ReadModelMetrics _metrics;
    private long _reached;
    private long _head;
    private long _caughtUpTicks;

    public AvailabilityReadModel(IServiceScopeFactory scopes, TimeProvider time, IMeterFactory meters)
    {
        _scopes = scopes;
        _time = time;
        _metrics = new ReadModelMetrics(meters, this);
    }

    /// <summary>When the feeder last heard from the process API (an answer, events or not).</summary>
    public DateTimeOffset? LastContact { get; private set; }

    /// <summary>When an event was last applied.</summary>
    public DateTimeOffset? LastApplied { get; private set; }

    /// <summary>The events cursor to follow from: the oldest feed position any built view is as new as.</summary>
    public string? StartCursor { get; private set; }

    /// <summary>The feed position <see cref="StartCursor"/> stands for.</summary>
    public long StartPosition { get; private set; }

    public IEnumerable<string> Channels => _views.Keys;

    /// <summary>The views built so far.</summary>
    public IEnumerable<ChannelView> Views => _built.Values;

    /// <summary>The channel's view, built once (concurrent callers wait for the same build); a failed build is retried by the next caller.</summary>
    public async Task<ChannelView> ViewAsync(string channel, CancellationToken cancellationToken)
    {
        var build = _views.GetOrAdd(channel, c => new Lazy<Task<ChannelView>>(() => BuildAsync(c)));
        try
        {
            return await build.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (build.Value.IsFaulted)
        {
            _views.TryRemove(new KeyValuePair<string, Lazy<Task<ChannelView>>>(channel, build));
            throw;
        }
    }

    /// <summary>A view already built, or null (never calls the process API).</summary>
    public ChannelView? Built(string channel) => _built.GetValueOrDefault(channel);

    /// <summary>
    /// Applies one event to its channel's view (built first if needed): a repeat or older one is dropped, and a jump in
    /// the SKU's sequence re-reads that SKU, so a missed event costs one read, not a wrong figure. Each outcome is counted.
    /// </summary>
    public async Task<ApplyResult> ApplyAsync(AvailabilityChange change, long position, DateTimeOffset? publishedAt, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(change.Channel, cancellationToken);
        var result = view.Apply(change, position, _time.GetUtcNow(), publishedAt);
        if (result == ApplyResult.Gap)
        {
            await RefreshAsync(view, change.Sku, cancellationToken);
        }
        _metrics.Record(change.Channel, result);
        return result;
    }

    /// <summary>Re-reads one SKU of a view (an event was missed) or, with no SKU, the whole channel.</summary>
    public async Task RefreshAsync(ChannelView view, string? sku, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var process = scope.ServiceProvider.GetRequiredService<IInventoryProcessClient>();
        var readAt = _time.GetUtcNow();
        await LoadAsync(process, view, sku, cancellationToken);
        if (sku is null)
        {
            view.Loaded(readAt);
        }
    }

    public void Heard(bool applied)
    {
        LastContact = _time.GetUtcNow();
        if (applied)
        {
            LastApplied = LastContact;
        }
    }

    /// <summary>
    /// The feed's word on how far this instance is: the position it has reached and the newest the source had
    /// published. With nothing left to apply, every view is as current as this moment.
    /// </summary>
    public void Followed(long reached, long head)
    {
        Interlocked.Exchange(ref _reached, Math.Max(Interlocked.Read(ref _reached), reached));
        Interlocked.Exchange(ref _head, head);
        ConfirmCaughtUp();
    }

    /// <summary>The feed is followed and had nothing left to apply at its last word: the views are current now.</summary>
    public void ConfirmCaughtUp()
    {
        if (Interlocked.Read(ref _head) <= Interlocked.Read(ref _reached))
        {
            Interlocked.Exchange(ref _caughtUpTicks, _time.GetUtcNow().UtcTicks);
        }
    }

    /// <summary>
    /// How old the view may be: since the newest moment of the source it is known to reflect, which is the later of
    /// the time of the last event applied to it (the source's own time for it), when it was read whole, and the feed's
    /// last word that nothing newer was waiting. A quiet channel whose feed answers is not stale; one whose feed is down
    /// or behind grows older. The event times are the source's clock: across machines their skew is part of it.
    /// </summary>
    public TimeSpan Staleness(ChannelView view)
    {
        var caughtUp = Interlocked.Read(ref _caughtUpTicks);
        var since = Math.Max(view.CurrentAt?.UtcTicks ?? 0, caughtUp);
        if (since == 0)
        {
            return TimeSpan.Zero;
        }
        var age = _time.GetUtcNow().UtcTicks - since;
        return age > 0 ? TimeSpan.FromTicks(age) : TimeSpan.Zero;
    }

    /// <summary>
    /// Events the source had published, at the feed's last word, that the view does not have yet. Counted in feed
    /// positions (one per event, of any channel, since one feed fills every view) rather than seconds: this instance
    /// sees no time of an event it has not received, while it does see how far the source's newest event is.
    /// </summary>
    public long Lag(ChannelView view) =>
        Math.Max(0, Interlocked.Read(ref _head) - Math.Max(Interlocked.Read(ref _reached), view.HighWater));

    private async Task<ChannelView> BuildAsync(string channel)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var process = scope.ServiceProvider.GetRequiredService<IInventoryProcessClient>();
        var view = new ChannelView(channel);
        var readAt = _time.GetUtcNow();
        var (cursor, position) = await LoadAsync(process, view, null, CancellationToken.None);
        view.Loaded(readAt);
        // The feeder starts from the first view's position; a later view's events before its own position are
        // older than its figures and are dropped by their sequence.
        if (StartCursor is null)
        {
            StartPosition = position;
            StartCursor = cursor;
        }
        Heard(applied: false);
        _built[channel] = view;
        return view;
    }

    private static async Task<(string Cursor, long Position)> LoadAsync(IInventoryProcessClient process, ChannelView view, string? sku, CancellationToken cancellationToken)
    {
        string? after = null;
        (string Cursor, long Position)? feed = null;
        do
        {
            var response = await process.ListPublishedAvailabilityAsync(view.Channel, after, PageSize, sku, cancellationToken);
            if (response is not { IsSuccessStatusCode: true, Content: { } page })
            {
                throw new HttpRequestException($"The process API answered {(int?)response.StatusCode} for the figures of {view.Channel}.", response.Error, response.StatusCode);
            }
            feed ??= (page.FeedCursor, page.FeedPosition);
            foreach (var item in page.Items)
            {
                view.Load(new Figure(item.Sku, item.Available, item.Sequence, item.Locations.ToList(), item.UpdatedAt, page.FeedPosition) { BackorderEta = item.BackorderEta });
            }
            after = page.NextCursor;
        }
        while (after is not null);
        return feed.Value;
    }
}
