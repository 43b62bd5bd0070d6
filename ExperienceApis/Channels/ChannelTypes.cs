using System.Collections.Concurrent;
using IntegrationGateway.Contracts.Process;

namespace IntegrationGateway.ExperienceApis.Channels;

/// <summary>
/// Channel types as the process API last reported them, kept for a minute: a channel's type is set when it is
/// created and practically never changes, and asking on every request would add a hop to every read.
/// </summary>
public sealed class ChannelTypes(TimeProvider time)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (ChannelType Type, DateTimeOffset SeenAt)> _seen = new(StringComparer.Ordinal);

    public ChannelType? Known(string channel) =>
        _seen.TryGetValue(channel, out var entry) && time.GetUtcNow() - entry.SeenAt < Freshness ? entry.Type : null;

    public ChannelType Remember(string channel, ChannelType type)
    {
        _seen[channel] = (type, time.GetUtcNow());
        return type;
    }
}
