namespace IntegrationGateway.Gateway.Tests.Soak;

/// <summary>
/// Bounds of one soak run. Small enough to finish on a busy 2-core machine; the stock is kept scarce and the
/// SKUs few so that orders, cancels and adjustments keep colliding on the same balance rows.
/// </summary>
public static class SoakLimits
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(20);

    /// <summary>A hard cap on operations, whatever the machine's speed.</summary>
    public const int MaxOperations = 5_000;

    public const int Workers = 6;

    public const int Skus = 6;

    public static readonly string[] Locations = ["EU-1", "US-1"];

    public static readonly TimeSpan CheckEvery = TimeSpan.FromMilliseconds(500);

    /// <summary>Far beyond the layers' own budgets (35 s at most), so only a hang ends a call early.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Worker n uses seed BaseSeed + n, so a failing run can be replayed in the same mix.</summary>
    public const int BaseSeed = 20_250_601;
}
