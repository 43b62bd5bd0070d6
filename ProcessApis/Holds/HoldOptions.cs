namespace IntegrationGateway.ProcessApis.Holds;

/// <summary>How long a cart may hold stock and how often expired holds are released ("Holds" section).</summary>
public sealed class HoldOptions
{
    public const string Section = "Holds";

    public int MinTtlSeconds { get; set; } = 30;

    public int MaxTtlSeconds { get; set; } = 900;

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);
}
