namespace IntegrationGateway.ProcessApis.Holds;

/// <summary>Units of a SKU held at one location for a cart, under the ERP reference of the request that held them.</summary>
public sealed record HoldRow
{
    public string Reference { get; init; } = "";
    public string CartId { get; init; } = "";
    public string Channel { get; init; } = "";
    public string Sku { get; init; } = "";
    public string Location { get; init; } = "";
    public int Quantity { get; init; }
    public long ExpiresAt { get; init; }
    public string State { get; init; } = "";
}
