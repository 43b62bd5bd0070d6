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
        Status = availability.Available switch
        {
            <= 0 => StockStatus.Out_of_stock,
            var n when n <= lowStockThreshold => StockStatus.Low_stock,
            _ => StockStatus.In_stock,
        },
    };
}
