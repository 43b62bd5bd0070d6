using IntegrationGateway.Contracts.Process;

namespace IntegrationGateway.ProcessApis.Channels;

/// <summary>
/// What a channel is told of a SKU (DESIGN.md, channel availability), in this order: a share of the available
/// stock (rounded down), minus the buffer, capped by the max published, then 0 once it falls to the end-when
/// threshold; never below 0. Pure, so the order of the steps is pinned by unit tests.
/// </summary>
public static class ChannelRules
{
    /// <summary>The wildcard class: applies to every class without a rule of its own.</summary>
    public const string AnyClass = "*";

    /// <summary>No rule at all: everything available is published.</summary>
    public static readonly ChannelRule PublishAll = new() { SkuClass = AnyClass, StockPercent = 100, Buffer = 0, MaxPublished = null, EndWhen = 0 };

    public static int Published(int available, ChannelRule rule) =>
        Published(available, rule.StockPercent, rule.Buffer, rule.MaxPublished, rule.EndWhen ?? 0);

    public static int Published(int available, int stockPercent, int buffer, int? maxPublished, int endWhen)
    {
        // long: a large stock times 100 must not overflow before the division.
        var share = (int)(Math.Max(0L, available) * Math.Clamp(stockPercent, 0, 100) / 100);
        var published = share - buffer;
        if (maxPublished is { } max)
        {
            published = Math.Min(published, max);
        }
        return published <= endWhen ? 0 : Math.Max(0, published);
    }

    /// <summary>The class's own rule, else the '*' rule, else publish everything.</summary>
    public static ChannelRule For(IEnumerable<ChannelRule> rules, string skuClass)
    {
        ChannelRule? wildcard = null;
        foreach (var rule in rules)
        {
            if (string.Equals(rule.SkuClass, skuClass, StringComparison.Ordinal))
            {
                return rule;
            }
            if (rule.SkuClass == AnyClass)
            {
                wildcard = rule;
            }
        }
        return wildcard ?? PublishAll;
    }
}
