namespace IntegrationGateway.ProcessApis.Orders;

/// <summary>When an order counts as stranded and how often recovery looks ("OrderRecovery" section).</summary>
public sealed class OrderRecoveryOptions
{
    public const string Section = "OrderRecovery";

    /// <summary>Longer than any request may take (its timeouts add up to well under this), so live orders are never taken.</summary>
    public TimeSpan StrandedAfter { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(15);
}
