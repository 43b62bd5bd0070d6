using IntegrationGateway.Contracts.Process;

namespace IntegrationGateway.ProcessApis.Sourcing;

/// <summary>
/// Chooses where each line is reserved (DESIGN.md, Reserve): a location in the ship-to region that can fill
/// the whole order, then any single location that can, then, where the order allows, a split across
/// locations (ship-to region first). The channel's strategy orders the locations within each of those steps:
/// by priority, or by the most stock for the order first (ties by priority). Pure: stock and locations come
/// in as arguments.
/// </summary>
public static class SourcingPlanner
{
    public static SourcingPlan Plan(
        IReadOnlyList<Demand> demand,
        IReadOnlyList<SourceLocation> locations,
        IReadOnlyDictionary<(string Sku, string Location), int> available,
        string? shipToRegion,
        bool allowSplit,
        SourcingStrategy strategy = SourcingStrategy.Priority)
    {
        int Stock(string sku, string location) => available.GetValueOrDefault((sku, location));

        // Under highest-stock the fuller location comes first: for the whole order, the sum of its SKUs there.
        List<SourceLocation> Ordered(Func<SourceLocation, long> stock) => locations
            .OrderBy(l => InRegion(l, shipToRegion) ? 0 : 1)
            .ThenByDescending(l => strategy == SourcingStrategy.HighestStock ? stock(l) : 0)
            .ThenBy(l => l.Priority)
            .ThenBy(l => l.Code, StringComparer.Ordinal)
            .ToList();

        var ordered = Ordered(l => demand.Sum(d => (long)Stock(d.Sku, l.Code)));

        // The ordering already puts the ship-to region first, so the first single location that fills
        // everything is the best one.
        var single = ordered.FirstOrDefault(l => demand.All(d => Stock(d.Sku, l.Code) >= d.Quantity));
        if (single is not null)
        {
            return new SourcingPlan(demand.Select(d => new PlannedAllocation(d.Sku, single.Code, d.Quantity)).ToList(), []);
        }
        if (!allowSplit)
        {
            // Nothing is short in total perhaps, but no one location has it all: report the best one location per SKU.
            var best = demand.Select(d => new Shortage(d.Sku, d.Quantity, ordered.Count == 0 ? 0 : ordered.Max(l => Stock(d.Sku, l.Code)))).ToList();
            var short_ = best.Where(s => s.Available < s.Requested).ToList();
            return new SourcingPlan([], short_.Count > 0 ? short_ : best);
        }

        var allocations = new List<PlannedAllocation>();
        var shortages = new List<Shortage>();
        foreach (var line in demand)
        {
            var remaining = line.Quantity;
            foreach (var location in strategy == SourcingStrategy.HighestStock ? Ordered(l => Stock(line.Sku, l.Code)) : ordered)
            {
                var take = Math.Min(remaining, Stock(line.Sku, location.Code));
                if (take > 0)
                {
                    allocations.Add(new PlannedAllocation(line.Sku, location.Code, take));
                    remaining -= take;
                }
                if (remaining == 0)
                {
                    break;
                }
            }
            if (remaining > 0)
            {
                shortages.Add(new Shortage(line.Sku, line.Quantity, line.Quantity - remaining));
            }
        }
        return shortages.Count > 0 ? new SourcingPlan([], shortages) : new SourcingPlan(allocations, []);
    }

    /// <summary>
    /// The plan for an order that takes backorders: the whole order where it can be filled, otherwise what the
    /// locations hold now (split across them where allowed, else from the one location with the most), and the rest
    /// of each line as <see cref="BackorderPlan.Backordered"/>.
    /// </summary>
    public static BackorderPlan PlanWithBackorders(
        IReadOnlyList<Demand> demand,
        IReadOnlyList<SourceLocation> locations,
        IReadOnlyDictionary<(string Sku, string Location), int> available,
        string? shipToRegion,
        bool allowSplit,
        SourcingStrategy strategy = SourcingStrategy.Priority)
    {
        var whole = Plan(demand, locations, available, shipToRegion, allowSplit, strategy);
        if (whole.IsComplete)
        {
            return new BackorderPlan(whole.Allocations, []);
        }
        var allocations = new List<PlannedAllocation>();
        var backordered = new List<Demand>();
        foreach (var line in demand)
        {
            // Each line on its own: the most a plan can hold of it now, found by asking for no more than exists.
            var held = locations.Sum(l => Math.Max(0, available.GetValueOrDefault((line.Sku, l.Code))));
            var best = allowSplit ? held : locations.Select(l => available.GetValueOrDefault((line.Sku, l.Code))).DefaultIfEmpty(0).Max();
            var take = Math.Min(line.Quantity, Math.Max(0, best));
            if (take > 0)
            {
                allocations.AddRange(Plan([new Demand(line.Sku, take)], locations, available, shipToRegion, allowSplit, strategy).Allocations);
            }
            if (line.Quantity > take)
            {
                backordered.Add(new Demand(line.Sku, line.Quantity - take));
            }
        }
        return new BackorderPlan(allocations, backordered);
    }

    /// <summary>Sums lines of the same SKU (Medusa 16502: two lines of one SKU must not each pass the check alone).</summary>
    public static IReadOnlyList<Demand> Summed(IEnumerable<(string Sku, int Quantity)> lines) =>
        lines.GroupBy(l => l.Sku, StringComparer.Ordinal)
            .Select(g => new Demand(g.Key, g.Sum(l => l.Quantity)))
            .ToList();

    private static bool InRegion(SourceLocation location, string? region) =>
        region is not null && string.Equals(location.Region, region, StringComparison.OrdinalIgnoreCase);
}
