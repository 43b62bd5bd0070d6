using System.ComponentModel.DataAnnotations;

namespace IntegrationGateway.ExperienceApis.Storefront;

/// <summary>How the storefront presents stock ("Storefront" section).</summary>
public sealed class StorefrontOptions
{
    public const string Section = "Storefront";

    /// <summary>At or below this many units a SKU shows as low_stock.</summary>
    [Range(0, 10_000)]
    public int LowStockThreshold { get; set; } = 5;
}
