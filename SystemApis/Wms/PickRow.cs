using IntegrationGateway.Contracts.Wms;

namespace IntegrationGateway.SystemApis.Wms;

/// <summary>A wms_picks row as stored; the column list is <see cref="Columns"/>.</summary>
public sealed record PickRow
{
    public const string Columns = """
        id AS Id, reference AS Reference, sku AS Sku, location AS Location, quantity AS Quantity, state AS State, reason AS Reason,
        created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    public string Id { get; init; } = "";
    public string Reference { get; init; } = "";
    public string Sku { get; init; } = "";
    public string Location { get; init; } = "";
    public int Quantity { get; init; }
    public string State { get; init; } = "";
    public string? Reason { get; init; }
    public long CreatedAt { get; init; }
    public long UpdatedAt { get; init; }

    public Pick ToContract() => new()
    {
        Id = Id,
        Reference = Reference,
        Sku = Sku,
        Location = Location,
        Quantity = Quantity,
        State = Enum.Parse<PickState>(State, ignoreCase: true),
        Reason = Reason,
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
        UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAt),
    };
}
