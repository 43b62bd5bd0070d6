namespace IntegrationGateway.ProcessApis.OrderBook;

/// <summary>An order that stopped mid-way, with the key that placed it.</summary>
public sealed record StrandedOrder
{
    public string Id { get; init; } = "";
    public string Channel { get; init; } = "";
    public string IdempotencyKey { get; init; } = "";
    public string State { get; init; } = "";
}
