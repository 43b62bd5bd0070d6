using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ProcessApis.Channels;

namespace IntegrationGateway.ProcessApis.Events;

/// <summary>
/// What a channel is told of one SKU: the published total, the raw figure of each eligible location and, when the
/// total is 0, the earliest supplier ETA of units inbound to those locations (unix ms), so a buyer can plan a backorder.
/// </summary>
public sealed record ChannelFigure(int Available, IReadOnlyList<LocationAvailability> Locations, long? BackorderEta)
{
    /// <summary>
    /// Channel availability (DESIGN.md) from the positions of one SKU: the sum of available-to-sell over the locations
    /// that serve the channel (those it lists, else every location), less the units owed to backorders that may be
    /// filled from those locations, shaped by the channel's rule for the SKU's class.
    /// </summary>
    public static ChannelFigure Of(Channel channel, IReadOnlyList<StockPosition> positions, int owed)
    {
        var serving = channel.Locations.Count == 0
            ? positions
            : channel.Locations.OrderBy(l => l.Priority).ThenBy(l => l.Location, StringComparer.Ordinal)
                .Select(l => positions.FirstOrDefault(p => p.Location == l.Location)).OfType<StockPosition>().ToList();
        var locations = serving.Select(p => new LocationAvailability { Location = p.Location, Available = p.Available }).ToList();
        var skuClass = positions.Count > 0 ? positions[0].SkuClass : "";
        var rule = ChannelRules.For(channel.Rules, skuClass);
        var available = ChannelRules.Published(locations.Sum(l => l.Available) - owed, rule);
        return new ChannelFigure(available, locations, available == 0 ? serving.Min(p => p.InboundEta) : null);
    }

    /// <summary>Whether a channel may be served from any location the other serves (an empty list serves from every one).</summary>
    public static bool Overlap(Channel one, Channel other) =>
        one.Locations.Count == 0 || other.Locations.Count == 0
        || one.Locations.Any(l => other.Locations.Any(o => o.Location == l.Location));

    /// <summary>Whether this is what the channel was last told: the total, each location's figure and the backorder ETA.</summary>
    public bool SameAs(int available, IReadOnlyList<LocationAvailability> locations, long? backorderEta) =>
        available == Available && backorderEta == BackorderEta && locations.Count == Locations.Count
        && locations.Zip(Locations).All(pair => pair.First.Location == pair.Second.Location && pair.First.Available == pair.Second.Available);
}
