namespace IntegrationGateway.ProcessApis.Sourcing;

/// <summary>Units of one SKU the order asks for (lines of the same SKU already summed).</summary>
public sealed record Demand(string Sku, int Quantity);

/// <summary>A location that serves the channel, with where it ships from and its sourcing priority.</summary>
public sealed record SourceLocation(string Code, string Region, int Priority);

/// <summary>Units of a SKU the plan takes from one location.</summary>
public sealed record PlannedAllocation(string Sku, string Location, int Quantity);

/// <summary>A SKU the order cannot have in full: how many were asked for and how many could be had.</summary>
public sealed record Shortage(string Sku, int Requested, int Available);

/// <summary>What sourcing decided: allocations that fill every line, or the shortages that prevent it.</summary>
public sealed record SourcingPlan(IReadOnlyList<PlannedAllocation> Allocations, IReadOnlyList<Shortage> Shortages)
{
    public bool IsComplete => Shortages.Count == 0;
}

/// <summary>What an order that takes backorders holds now, and what of each SKU waits for stock.</summary>
public sealed record BackorderPlan(IReadOnlyList<PlannedAllocation> Allocations, IReadOnlyList<Demand> Backordered);
