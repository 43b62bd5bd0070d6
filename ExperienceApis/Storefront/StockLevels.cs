using IntegrationGateway.Contracts.Process;
using IntegrationGateway.Contracts.Storefront;

namespace IntegrationGateway.ExperienceApis.Storefront;

/// <summary>Shapes channel availability into what a shop page shows.</summary>
public static class StockLevels
{
    public static StockLevel Of(SkuAvailability availability, int lowStockThreshold) => new()
    {
        Sku = availability.Sku,
        Available = availability.Available,
        Status = StatusOf(availability.Available, lowStockThreshold),
    };

    /// <summary>The same three states in every version of the API (v2's enum has the same members in the same order).</summary>
    public static StockStatus StatusOf(int available, int lowStockThreshold) => available switch
    {
        <= 0 => StockStatus.Out_of_stock,
        var n when n <= lowStockThreshold => StockStatus.Low_stock,
        _ => StockStatus.In_stock,
    };
}
