using System.Collections.Concurrent;
using IntegrationGateway.Contracts.Process;

namespace IntegrationGateway.ExperienceApis.ReadModels;

/// <summary>
/// This instance's per-channel read models of published availability. A channel's view is built from the process
/// API's published figures the first time it is needed (a read or an event of that channel) and kept current by
/// <see cref="ReadModelFeeder"/>; reads are answered from memory, with no call to the process API.
/// </summary>
public sealed class AvailabilityReadModel(IServiceScopeFactory scopes, TimeProvider time)
{
    private const int PageSize = 1000;
    private readonly ConcurrentDictionary<string, Lazy<Task<ChannelView>>> _views = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ChannelView> _built = new(StringComparer.Ordinal);

    /// <summary>When the feeder last heard from the process API (an answer, events or not).</summary>
    public DateTimeOffset? LastContact { get; private set; }

    /// <summary>When an event was last applied.</summary>
    public DateTimeOffset? LastApplied { get; private set; }

    /// <summary>The events cursor to follow from: the oldest feed position any built view is as new as.</summary>
    public string? StartCursor { get; private set; }

    public IEnumerable<string> Channels => _views.Keys;

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

    /// <summary>Re-reads one SKU of a view (an event was missed) or, with no SKU, the whole channel.</summary>
    public async Task RefreshAsync(ChannelView view, string? sku, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var process = scope.ServiceProvider.GetRequiredService<IInventoryProcessClient>();
        await LoadAsync(process, view, sku, cancellationToken);
    }

    public void Heard(bool applied)
    {
        LastContact = time.GetUtcNow();
        if (applied)
        {
            LastApplied = LastContact;
        }
    }

    private async Task<ChannelView> BuildAsync(string channel)
    {
        await using var scope = scopes.CreateAsyncScope();
        var process = scope.ServiceProvider.GetRequiredService<IInventoryProcessClient>();
        var view = new ChannelView(channel);
        var cursor = await LoadAsync(process, view, null, CancellationToken.None);
        // The feeder starts from the first view's position; a later view's events before its own position are
        // older than its figures and are dropped by their sequence.
        StartCursor ??= cursor;
        Heard(applied: false);
        _built[channel] = view;
        return view;
    }

    private static async Task<string> LoadAsync(IInventoryProcessClient process, ChannelView view, string? sku, CancellationToken cancellationToken)
    {
        string? after = null;
        string? feedCursor = null;
        do
        {
            var response = await process.ListPublishedAvailabilityAsync(view.Channel, after, PageSize, sku, cancellationToken);
            if (response is not { IsSuccessStatusCode: true, Content: { } page })
            {
                throw new HttpRequestException($"The process API answered {(int?)response.StatusCode} for the figures of {view.Channel}.", response.Error, response.StatusCode);
            }
            feedCursor ??= page.FeedCursor;
            foreach (var item in page.Items)
            {
                view.Load(new Figure(item.Sku, item.Available, item.Sequence, item.Locations.ToList(), item.UpdatedAt, page.FeedPosition) { BackorderEta = item.BackorderEta });
            }
            after = page.NextCursor;
        }
        while (after is not null);
        return feedCursor;
    }
}
