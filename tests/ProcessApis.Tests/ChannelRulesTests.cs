using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ProcessApis.Channels;

namespace IntegrationGateway.ProcessApis.Tests;

public sealed class ChannelRulesTests
{
    [Theory]
    [InlineData(100, 50, 5, 40, 0, 40)] // 50 % is 50, minus 5 is 45, capped at 40
    [InlineData(12, 50, 5, null, 0, 1)] // 6 - 5
    [InlineData(14, 50, 0, null, 2, 7)]
    [InlineData(4, 50, 0, null, 2, 0)] // a computed 2 at endWhen 2 is published as 0
    [InlineData(3, 100, 1, null, 2, 0)] // 3 - 1 = 2, at endWhen 2
    [InlineData(9, 33, 0, null, 0, 2)] // 2.97 rounds down
    [InlineData(1, 99, 0, null, 0, 0)] // 0.99 rounds down
    [InlineData(3, 100, 5, null, 0, 0)] // the buffer exceeds the stock: never below 0
    [InlineData(0, 100, 0, null, 0, 0)]
    [InlineData(10, 0, 0, null, 0, 0)]
    [InlineData(10, 100, 0, 0, 0, 0)]
    [InlineData(2_000_000_000, 100, 0, null, 0, 2_000_000_000)] // the percentage does not overflow
    public void TheRuleIsAppliedAsShareThenBufferThenCapThenEndWhen(int stock, int percent, int buffer, int? max, int endWhen, int expected)
    {
        Assert.Equal(expected, ChannelRules.Published(stock, percent, buffer, max, endWhen));
    }

    [Fact]
    public void StockOf100At50PercentWithBuffer5AndMax40Publishes40() =>
        Assert.Equal(40, ChannelRules.Published(100, new ChannelRule { SkuClass = "*", StockPercent = 50, Buffer = 5, MaxPublished = 40 }));

    [Fact]
    public void StockOf12At50PercentWithBuffer5Publishes1() =>
        Assert.Equal(1, ChannelRules.Published(12, new ChannelRule { SkuClass = "*", StockPercent = 50, Buffer = 5 }));

    [Fact]
    public void AComputed2AtEndWhen2Publishes0() =>
        Assert.Equal(0, ChannelRules.Published(2, new ChannelRule { SkuClass = "*", StockPercent = 100, Buffer = 0, EndWhen = 2 }));

    [Fact]
    public void AClassRuleBeatsTheWildcardWhichBeatsNoRule()
    {
        ChannelRule own = new() { SkuClass = "scarce", StockPercent = 10, Buffer = 0 };
        ChannelRule wildcard = new() { SkuClass = "*", StockPercent = 50, Buffer = 0 };

        Assert.Same(own, ChannelRules.For([wildcard, own], "scarce"));
        Assert.Same(wildcard, ChannelRules.For([wildcard, own], "standard"));
        Assert.Equal(17, ChannelRules.Published(17, ChannelRules.For([own], "standard")));
    }
}
