using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ProcessApis.Sourcing;

namespace IntegrationGateway.ProcessApis.Orders;

/// <summary>An order as stored: its summed lines and where each was reserved.</summary>
public sealed record OrderRecord(
    string Id, string Channel, string OrderRef, string State, DateTimeOffset CreatedAt,
    IReadOnlyList<Demand> Lines, IReadOnlyList<PlannedAllocation> Allocations)
{
    public Order ToContract() => new()
    {
        Id = Id,
        Channel = Channel,
        OrderRef = OrderRef,
        State = State == OrderStates.Cancelled ? OrderState.Cancelled : OrderState.Reserved,
        CreatedAt = CreatedAt,
        Lines = Lines.Select(line => new OrderLineResult
        {
            Sku = line.Sku,
            Quantity = line.Quantity,
            Allocations = Allocations.Where(a => a.Sku == line.Sku)
                .Select(a => new Allocation { Location = a.Location, Quantity = a.Quantity }).ToList(),
        }).ToList(),
    };

    /// <summary>Channels see an order once it holds stock; the bookkeeping states stay internal.</summary>
    public bool IsVisible => State is OrderStates.Reserved or OrderStates.Cancelled;
}
