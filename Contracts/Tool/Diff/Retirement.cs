namespace IntegrationGateway.ContractTool.Diff;

/// <summary>How a removal stands against the deprecation policy of oasdiff.</summary>
internal enum Retirement
{
    WithoutDeprecation,
    WithDeprecation,
    BeforeSunset,
    SunsetUnreadable,
}

internal static class Retirements
{
    /// <summary>Removal is fine once deprecated and, if a sunset was promised, from that day on.</summary>
    public static Retirement Judge(bool deprecated, Sunset sunset, DateOnly today) =>
        !deprecated ? Retirement.WithoutDeprecation
        : sunset.Unreadable ? Retirement.SunsetUnreadable
        : sunset.Date is { } date && today < date ? Retirement.BeforeSunset
        : Retirement.WithDeprecation;
}
