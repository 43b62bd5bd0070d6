using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ExperienceApis.ReadModels;

namespace IntegrationGateway.Gateway.Tests.Events;

/// <summary>A read model applies each SKU's events in sequence: a repeat changes nothing, a jump is a gap to re-read.</summary>
public sealed class ChannelViewTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private static AvailabilityChange Change(long sequence, int available) => new()
    {
        Channel = "storefront", Sku = "SKU-1", Available = available, Previous = 0, Sequence = sequence,
        Locations = [new LocationAvailability { Location = "EU-1", Available = available }], SourceVersion = sequence,
    };

    [Fact]
    public void EventsApplyInSequenceAndARepeatChangesNothing()
    {
        var view = new ChannelView("storefront");

        var results = new[] { view.Apply(Change(1, 5), 1, At), view.Apply(Change(2, 3), 2, At), view.Apply(Change(2, 9), 2, At), view.Apply(Change(1, 7), 1, At) };

        Assert.Equal([ApplyResult.Applied, ApplyResult.Applied, ApplyResult.Duplicate, ApplyResult.Duplicate], results);
        Assert.Equal((3, 2L), (view.Find("SKU-1")!.Available, view.Find("SKU-1")!.Sequence));
    }

    [Fact]
    public void ASkippedSequenceIsAGapAndLeavesTheFigure()
    {
        var view = new ChannelView("storefront");
        view.Apply(Change(1, 5), 1, At);

        Assert.Equal(ApplyResult.Gap, view.Apply(Change(3, 1), 3, At));
        Assert.Equal(5, view.Find("SKU-1")!.Available);
    }

    [Fact]
    public void ALoadedFigureNeverReplacesANewerOne()
    {
        var view = new ChannelView("storefront");
        view.Apply(Change(1, 5), 1, At);
        view.Apply(Change(2, 4), 2, At);

        view.Load(new Figure("SKU-1", 9, 1, [], At, 1));

        Assert.Equal(4, view.Find("SKU-1")!.Available);
    }
}
