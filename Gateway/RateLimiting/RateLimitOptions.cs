using System.ComponentModel.DataAnnotations;

namespace IntegrationGateway.Gateway.RateLimiting;

/// <summary>One token bucket per client for a route policy: a burst of TokenLimit, refilled by TokensPerPeriod each period.</summary>
public sealed class RateLimitOptions
{
    [Range(1, 1_000_000)]
    public int TokenLimit { get; set; } = 100;

    [Range(1, 1_000_000)]
    public int TokensPerPeriod { get; set; } = 50;

    [Range(0.01, 3600)]
    public double PeriodSeconds { get; set; } = 1;
}
