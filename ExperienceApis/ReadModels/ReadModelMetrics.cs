using System.Diagnostics.Metrics;

namespace IntegrationGateway.ExperienceApis.ReadModels;

/// <summary>
/// The read models' instruments, tagged by channel, on a meter the telemetry defaults export (names under ig., so a
/// Prometheus exporter names them ig_readmodel_staleness_seconds, ig_readmodel_events_applied_total, ...). Created
/// from the host's meter factory, so each host in a process has its own.
/// </summary>
public sealed class ReadModelMetrics
{
    public const string MeterName = "IntegrationGateway.ReadModels";
    public const string Staleness = "ig.readmodel.staleness";
    public const string Lag = "ig.readmodel.lag";
    public const string Applied = "ig.readmodel.events.applied";
    public const string Duplicates = "ig.readmodel.events.duplicates";
    public const string Gaps = "ig.readmodel.gaps";
    public const string ChannelTag = "channel";

    private readonly Counter<long> _applied;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _gaps;

    public ReadModelMetrics(IMeterFactory meters, AvailabilityReadModel model)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge(Staleness, () => model.Views.Select(v => new Measurement<double>(model.Staleness(v).TotalSeconds, Tag(v.Channel))), "s",
            "Seconds since the newest moment of the source the channel's view is known to reflect: the time of the last event applied to it, or the feed's last word that nothing newer was published.");
        meter.CreateObservableGauge(Lag, () => model.Views.Select(v => new Measurement<long>(model.Lag(v), Tag(v.Channel))), "{event}",
            "Events the source had published, at its last word, that this instance had not applied to the channel's view.");
        _applied = meter.CreateCounter<long>(Applied, "{event}", "Availability events applied to the channel's view.");
        _duplicates = meter.CreateCounter<long>(Duplicates, "{event}", "Availability events dropped because the view already had their sequence (a repeat or an older event).");
        _gaps = meter.CreateCounter<long>(Gaps, "{gap}", "Sequence jumps found (an event missed) and healed by re-reading the SKU's figure.");
    }

    public void Record(string channel, ApplyResult result)
    {
        var counter = result switch
        {
            ApplyResult.Applied => _applied,
            ApplyResult.Duplicate => _duplicates,
            _ => _gaps,
        };
        counter.Add(1, Tag(channel));
    }

    private static KeyValuePair<string, object?> Tag(string channel) => new(ChannelTag, channel);
}
