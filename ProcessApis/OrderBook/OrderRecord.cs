using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ProcessApis.Sourcing;

namespace IntegrationGateway.ProcessApis.OrderBook;

/// <summary>An order as stored: its summed lines, where each unit stands, and the units that wait for stock.</summary>
public sealed record OrderRecord(
    string Id, string Channel, string OrderRef, string State, DateTimeOffset CreatedAt, string? ShipToRegion,
    IReadOnlyList<Demand> Lines, IReadOnlyList<Placement> Placements, IReadOnlyList<Demand> Backordered)
{
    public Order ToContract() => new()
    {
        Id = Id,
        Channel = Channel,
        OrderRef = OrderRef,
        State = ContractState(),
        CreatedAt = CreatedAt,
        Lines = Lines.Select(line => new OrderLineResult
        {
            Sku = line.Sku,
            Quantity = line.Quantity,
            Allocations = Placements.Where(p => p.Sku == line.Sku)
                .GroupBy(p => (p.Location, p.State, p.PickId))
                .Select(g => new Allocation { Location = g.Key.Location, Quantity = g.Sum(p => p.Quantity), State = PlacementStates.ToContract(g.Key.State), PickId = g.Key.PickId })
                .ToList(),
            Backordered = Backordered.Where(b => b.Sku == line.Sku).Sum(b => b.Quantity),
        }).ToList(),
    };

    /// <summary>Channels see an order once it holds stock; the bookkeeping states stay internal.</summary>
    public bool IsVisible => State is OrderStates.Reserved or OrderStates.Cancelled;

    /// <summary>The least advanced unit names the order: waiting beats held, held beats picking, picking beats shipped.</summary>
    private OrderState ContractState() =>
        State == OrderStates.Cancelled ? OrderState.Cancelled
        : Backordered.Any(b => b.Quantity > 0) ? OrderState.Backordered
        : Placements.Any(p => p.State == PlacementStates.Reserved) ? OrderState.Reserved
        : Placements.Any(p => p.State == PlacementStates.Allocated) ? OrderState.Allocated
        : Placements.Count > 0 ? OrderState.Shipped
        : OrderState.Reserved;
}

/// <summary>Units of an order's SKU at one location and how far they went; <see cref="PickId"/> once released to the WMS.</summary>
public sealed record Placement
{
    public long Id { get; init; }
    public string Sku { get; init; } = "";
    public string Location { get; init; } = "";
    public int Quantity { get; init; }
    public string State { get; init; } = "";
    public string? PickId { get; init; }
}

public static class PlacementStates
{
    public const string Reserved = "reserved";
    public const string Allocated = "allocated";
    public const string Shipped = "shipped";

    public static PlacementState ToContract(string state) => state switch
    {
        Allocated => PlacementState.Allocated,
        Shipped => PlacementState.Shipped,
        _ => PlacementState.Reserved,
    };
}
