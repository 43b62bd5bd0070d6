using System.ComponentModel.DataAnnotations;

namespace IntegrationGateway.ServiceDefaults.Events;

/// <summary>How this service's events travel between the process and experience APIs. Bound from the "Events" section.</summary>
public sealed class EventsOptions
{
    public const string Section = "Events";

    /// <summary>http (the embedded default: the process API's long-polled feed) or nats (JetStream, for several instances).</summary>
    public EventTransport Transport { get; set; } = EventTransport.Http;

    /// <summary>How long outbox rows are kept: the replay horizon of the HTTP feed and of the stream.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often rows older than the retention are pruned.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    [Required]
    public NatsEventsOptions Nats { get; set; } = new();
}

public enum EventTransport
{
    Http,
    Nats,
}

public sealed class NatsEventsOptions
{
    public string Url { get; set; } = "nats://127.0.0.1:4222";

    /// <summary>The JetStream stream that holds inventory.availability.changed events.</summary>
    [RegularExpression("^[A-Za-z0-9_-]{1,64}$")]
    public string Stream { get; set; } = "INVENTORY";

    /// <summary>How long the broker remembers a Nats-Msg-Id: a relay that re-publishes within it is ignored by the broker.</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromMinutes(2);
}
