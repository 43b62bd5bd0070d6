using System.Collections.Concurrent;
using IntegrationGateway.Contracts.Process;

namespace IntegrationGateway.ExperienceApis.ReadModels;

/// <summary>What a channel was last told of a SKU, as this instance's read model holds it.</summary>
/// <summary>Position: the events feed position the figure is as new as (its event's, or the position of the page it was read in).</summary>
public sealed record Figure(string Sku, int Available, long Sequence, IReadOnlyList<LocationAvailability> Locations, DateTimeOffset UpdatedAt, long Position)
{
    /// <summary>When the channel is told 0: the earliest supplier ETA of units inbound to a location that serves it.</summary>
    public DateTimeOffset? BackorderEta { get; init; }
}

/// <summary>
/// One channel's figures, kept by its events: an event is applied only when it is the next of its SKU's sequence;
/// an older or repeated one is dropped, and one that skips a number says that an event was missed.
/// </summary>
public sealed class ChannelView(string channel)
{
    private readonly ConcurrentDictionary<string, Figure> _figures = new(StringComparer.Ordinal);
    private long _currentAtTicks;

    public string Channel { get; } = channel;

    public int Count => _figures.Count;

    /// <summary>The highest feed position of any figure here: a later change has a higher one.</summary>
    public long HighWater { get; private set; }

    /// <summary>
    /// The newest moment of the source this view reflects by what it took in itself: when its figures were read whole,
    /// or the time of the last event applied (null before either). The feed saying that nothing newer was published
    /// makes it as current as that (<see cref="AvailabilityReadModel.Staleness"/>).
    /// </summary>
    public DateTimeOffset? CurrentAt => Interlocked.Read(ref _currentAtTicks) is > 0 and var ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public Figure? Find(string sku) => _figures.GetValueOrDefault(sku);

    /// <summary>A figure read from the process API: kept unless this view already has a newer one.</summary>
    public void Load(Figure figure)
    {
        _figures.AddOrUpdate(figure.Sku, figure, (_, held) => figure.Sequence > held.Sequence ? figure : held);
        HighWater = Math.Max(HighWater, figure.Position);
    }

    /// <summary>Every figure of the channel was read at <paramref name="readAt"/>: the view is as current as that.</summary>
    public void Loaded(DateTimeOffset readAt) => Advance(readAt);

    /// <summary>Applies an event at <paramref name="at"/>; <paramref name="publishedAt"/> is when the source published it (at, when unknown).</summary>
    public ApplyResult Apply(AvailabilityChange change, long position, DateTimeOffset at, DateTimeOffset? publishedAt = null)
    {
        var held = Find(change.Sku);
        var expected = (held?.Sequence ?? 0) + 1;
        if (change.Sequence < expected)
        {
            return ApplyResult.Duplicate;
        }
        if (change.Sequence > expected)
        {
            return ApplyResult.Gap;
        }
        // One writer (the feeder) applies events; reads see either the old figure or the new one.
        _figures[change.Sku] = new Figure(change.Sku, change.Available, change.Sequence, change.Locations.ToList(), at, position) { BackorderEta = change.BackorderEta };
        HighWater = Math.Max(HighWater, position);
        Advance(publishedAt ?? at);
        return ApplyResult.Applied;
    }

    public IEnumerable<Figure> All => _figures.Values;

    /// <summary>The figures that changed after a feed position.</summary>
    public IEnumerable<Figure> ChangedAfter(long position) => _figures.Values.Where(f => f.Position > position);

    // A build (on a reader's thread) and the feeder may both move it: it only ever moves forward.
    private void Advance(DateTimeOffset to)
    {
        var ticks = to.UtcTicks;
        var seen = Interlocked.Read(ref _currentAtTicks);
        while (ticks > seen)
        {
            var was = Interlocked.CompareExchange(ref _currentAtTicks, ticks, seen);
            if (was == seen)
            {
                return;
            }
            seen = was;
        }
    }
}

public enum ApplyResult
{
    Applied,
    Duplicate,
    Gap,
}
