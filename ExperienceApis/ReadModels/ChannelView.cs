using System.Collections.Concurrent;
using IntegrationGateway.Contracts.Process;

namespace IntegrationGateway.ExperienceApis.ReadModels;

/// <summary>What a channel was last told of a SKU, as this instance's read model holds it.</summary>
public sealed record Figure(string Sku, int Available, long Sequence, IReadOnlyList<LocationAvailability> Locations, DateTimeOffset UpdatedAt);

/// <summary>
/// One channel's figures, kept by its events: an event is applied only when it is the next of its SKU's sequence;
/// an older or repeated one is dropped, and one that skips a number says that an event was missed.
/// </summary>
public sealed class ChannelView(string channel)
{
    private readonly ConcurrentDictionary<string, Figure> _figures = new(StringComparer.Ordinal);

    public string Channel { get; } = channel;

    public int Count => _figures.Count;

    public Figure? Find(string sku) => _figures.GetValueOrDefault(sku);

    /// <summary>A figure read from the process API: kept unless this view already has a newer one.</summary>
    public void Load(Figure figure) =>
        _figures.AddOrUpdate(figure.Sku, figure, (_, held) => figure.Sequence > held.Sequence ? figure : held);

    public ApplyResult Apply(AvailabilityChange change, DateTimeOffset at)
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
        _figures[change.Sku] = new Figure(change.Sku, change.Available, change.Sequence, change.Locations.ToList(), at);
        return ApplyResult.Applied;
    }

    public IEnumerable<Figure> All => _figures.Values;
}

public enum ApplyResult
{
    Applied,
    Duplicate,
    Gap,
}
