using Asp.Versioning;

namespace IntegrationGateway.ExperienceApis.Storefront;

/// <summary>The storefront API versions served; the single list both routing and error answers use.</summary>
public static class StorefrontVersions
{
    public static readonly ApiVersion V1 = new(1);

    public static readonly IReadOnlyList<ApiVersion> Supported = [V1];
}
