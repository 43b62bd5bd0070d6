using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ProcessApis.Sourcing;

namespace IntegrationGateway.ProcessApis.Tests;

public sealed class SourcingPlannerTests
{
    private static readonly SourceLocation[] Locations = [new("EU-1", "eu", 1), new("US-1", "us", 2), new("EU-2", "eu", 3)];

    private static Dictionary<(string, string), int> Stock(params (string Sku, string Location, int Units)[] rows) =>
        rows.ToDictionary(r => (r.Sku, r.Location), r => r.Units);

    [Fact]
    public void AWholeOrderGoesToTheFirstLocationInPriorityOrderThatCanFillIt()
    {
        var plan = SourcingPlanner.Plan([new("A", 2), new("B", 1)], Locations, Stock(("A", "EU-1", 2), ("A", "US-1", 5), ("B", "US-1", 1)), null, true);

        Assert.Equal([new PlannedAllocation("A", "US-1", 2), new PlannedAllocation("B", "US-1", 1)], plan.Allocations);
    }

    [Fact]
    public void TheShipToRegionIsPreferredOverPriority()
    {
        var plan = SourcingPlanner.Plan([new("A", 2)], Locations, Stock(("A", "EU-1", 9), ("A", "US-1", 2)), "us", true);

        Assert.Equal([new PlannedAllocation("A", "US-1", 2)], plan.Allocations);
    }

    [Fact]
    public void ALocationOutsideTheRegionThatCanFillEverythingBeatsASplitInsideIt()
    {
        var plan = SourcingPlanner.Plan([new("A", 4)], Locations, Stock(("A", "EU-1", 2), ("A", "EU-2", 2), ("A", "US-1", 4)), "eu", true);

        Assert.Equal([new PlannedAllocation("A", "US-1", 4)], plan.Allocations);
    }

    [Fact]
    public void ASplitTakesFromTheRegionFirstThenPriorityOrder()
    {
        var plan = SourcingPlanner.Plan([new("A", 6)], Locations, Stock(("A", "EU-1", 2), ("A", "US-1", 3), ("A", "EU-2", 2)), "eu", true);

        Assert.Equal([new PlannedAllocation("A", "EU-1", 2), new PlannedAllocation("A", "EU-2", 2), new PlannedAllocation("A", "US-1", 2)], plan.Allocations);
    }

    [Fact]
    public void AnOrderThatMayNotSplitReportsTheBestSingleLocationAsTheShortage()
    {
        var plan = SourcingPlanner.Plan([new("A", 5)], Locations, Stock(("A", "EU-1", 4), ("A", "US-1", 3)), null, false);

        Assert.False(plan.IsComplete);
        Assert.Equal([new Shortage("A", 5, 4)], plan.Shortages);
    }

    [Fact]
    public void ShortLinesAreAllReportedAndNothingIsPlanned()
    {
        var plan = SourcingPlanner.Plan([new("A", 3), new("B", 9), new("C", 1)], Locations, Stock(("A", "EU-1", 3), ("B", "US-1", 4)), null, true);

        Assert.Empty(plan.Allocations);
        Assert.Equal([new Shortage("B", 9, 4), new Shortage("C", 1, 0)], plan.Shortages);
    }

    [Fact]
    public void LinesOfTheSameSkuAreSummed()
    {
        Assert.Equal([new Demand("A", 3), new Demand("B", 1)], SourcingPlanner.Summed([("A", 1), ("B", 1), ("A", 2)]));
    }

    [Fact]
    public void UnderHighestStockTheFullerLocationFillsTheWholeOrder()
    {
        var plan = SourcingPlanner.Plan([new("A", 3)], Locations, Stock(("A", "EU-1", 5), ("A", "US-1", 9)), null, true, SourcingStrategy.HighestStock);

        Assert.Equal([new PlannedAllocation("A", "US-1", 3)], plan.Allocations);
    }

    [Fact]
    public void UnderHighestStockTheShipToRegionStillComesFirst()
    {
        var plan = SourcingPlanner.Plan([new("A", 3)], Locations, Stock(("A", "EU-1", 5), ("A", "US-1", 9), ("A", "EU-2", 6)), "eu", true, SourcingStrategy.HighestStock);

        Assert.Equal([new PlannedAllocation("A", "EU-2", 3)], plan.Allocations);
    }

    [Fact]
    public void UnderHighestStockASplitTakesFromTheFullestLocationsFirst()
    {
        var plan = SourcingPlanner.Plan([new("A", 10)], Locations, Stock(("A", "EU-1", 2), ("A", "US-1", 3), ("A", "EU-2", 6)), null, true, SourcingStrategy.HighestStock);

        Assert.Equal([new PlannedAllocation("A", "EU-2", 6), new PlannedAllocation("A", "US-1", 3), new PlannedAllocation("A", "EU-1", 1)], plan.Allocations);
    }

    [Fact]
    public void WithBackordersAWholeOrderThatFitsIsPlannedAsWithoutThem()
    {
        var plan = SourcingPlanner.PlanWithBackorders([new("A", 2)], Locations, Stock(("A", "US-1", 5)), null, true);

        Assert.Equal([new PlannedAllocation("A", "US-1", 2)], plan.Allocations);
        Assert.Empty(plan.Backordered);
    }

    [Fact]
    public void WithBackordersASplitTakesWhatEveryLocationHoldsAndBackordersTheRest()
    {
        var plan = SourcingPlanner.PlanWithBackorders([new("A", 10), new("B", 1)], Locations, Stock(("A", "EU-1", 3), ("A", "US-1", 4), ("B", "EU-2", 1)), null, true);

        Assert.Equal([new PlannedAllocation("A", "EU-1", 3), new PlannedAllocation("A", "US-1", 4), new PlannedAllocation("B", "EU-2", 1)], plan.Allocations);
        Assert.Equal([new Demand("A", 3)], plan.Backordered);
    }

    [Fact]
    public void WithBackordersAndNoSplitALineTakesTheFullestOneLocationAndBackordersTheRest()
    {
        var plan = SourcingPlanner.PlanWithBackorders([new("A", 10)], Locations, Stock(("A", "EU-1", 3), ("A", "US-1", 4)), null, false);

        Assert.Equal([new PlannedAllocation("A", "US-1", 4)], plan.Allocations);
        Assert.Equal([new Demand("A", 6)], plan.Backordered);
    }

    [Fact]
    public void WithBackordersNothingInStockBackordersEveryLine()
    {
        var plan = SourcingPlanner.PlanWithBackorders([new("A", 2), new("B", 1)], Locations, Stock(), null, true);

        Assert.Empty(plan.Allocations);
        Assert.Equal([new Demand("A", 2), new Demand("B", 1)], plan.Backordered);
    }
}
