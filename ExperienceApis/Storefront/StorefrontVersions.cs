using Asp.Versioning;

namespace IntegrationGateway.ExperienceApis.Storefront;

/// <summary>The storefront API versions served and v1's retirement; the one list routing, headers and documents use.</summary>
public static class StorefrontVersions
{
    public static readonly ApiVersion V1 = new(1);
    public static readonly ApiVersion V2 = new(2);

    public static readonly IReadOnlyList<ApiVersion> Supported = [V1, V2];

    /// <summary>v1 is deprecated from the day v2 shipped and is removed after its sunset.</summary>
    public static readonly DateTimeOffset V1DeprecatedFrom = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset V1Sunset = new(2027, 6, 30, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Where a partner reads how to move from v1 to v2: the v2 reference in the partner docs.</summary>
    // Relative to the gateway the caller used; Asp.Versioning writes it as "</swagger/...>".
    public const string MigrationGuide = "swagger/index.html?urls.primaryName=Storefront%20v2";
}
