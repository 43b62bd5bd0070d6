using IntegrationGateway.Contracts.Erp;

namespace IntegrationGateway.SystemApis.Events;

/// <summary>A stale_events row as stored; the column list is <see cref="Columns"/>.</summary>
public sealed record StaleEventRow
{
    public const string Columns = """
        id AS Id, source AS Source, event_id AS EventId, event_sequence AS Sequence, sku AS Sku, location AS Location,
        kind AS Kind, quantity AS Quantity, received_at AS ReceivedAt, superseded_by_sequence AS SupersededBySequence
        """;

    public long Id { get; init; }
    public string Source { get; init; } = "";
    public string EventId { get; init; } = "";
    public long Sequence { get; init; }
    public string Sku { get; init; } = "";
    public string Location { get; init; } = "";
    public string Kind { get; init; } = "";
    public int Quantity { get; init; }
    public long ReceivedAt { get; init; }
    public long SupersededBySequence { get; init; }

    public StaleEvent ToContract() => new()
    {
        Source = Source,
        EventId = EventId,
        Sequence = Sequence,
        Sku = Sku,
        Location = Location,
        Kind = EventKinds.Parse(Kind),
        Quantity = Quantity,
        ReceivedAt = DateTimeOffset.FromUnixTimeMilliseconds(ReceivedAt),
        SupersededBySequence = SupersededBySequence,
    };
}
