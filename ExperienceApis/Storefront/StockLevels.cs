using IntegrationGateway.Contracts.Process;
using V1 = IntegrationGateway.Contracts.Storefront;
using V2 = IntegrationGateway.Contracts.StorefrontV2;

namespace IntegrationGateway.ExperienceApis.Storefront;

/// <summary>Shapes channel availability into what a shop page shows, per API version.</summary>
public static class StockLevels
{
    /// <summary>v1: the total and a status.</summary>
    public static readonly AvailabilityEndpoints.Shapes<V1.StockLevel, V1.StockLevelList> V1Shapes = new(
        (availability, threshold) => new V1.StockLevel { Sku = availability.Sku, Available = availability.Available, Status = StatusOf(availability.Available, threshold) },
        (items, unknown) => new V1.StockLevelList { Items = items, Unknown = unknown });

    /// <summary>v2: the total and its status beside what each serving location can sell.</summary>
    public static readonly AvailabilityEndpoints.Shapes<V2.StockLevel, V2.StockLevelList> V2Shapes = new(
        (availability, threshold) => new V2.StockLevel
        {
            Sku = availability.Sku,
            // Both versions' enums list the same states in the same order.
            Total = new V2.StockTotal { Available = availability.Available, Status = (V2.StockStatus)StatusOf(availability.Available, threshold) },
            Locations = availability.Locations.Select(l => new V2.LocationStock { Location = l.Location, Available = l.Available }).ToList(),
        },
        (items, unknown) => new V2.StockLevelList { Items = items, Unknown = unknown });

    public static V1.StockStatus StatusOf(int available, int lowStockThreshold) => available switch
    {
        <= 0 => V1.StockStatus.Out_of_stock,
        var n when n <= lowStockThreshold => V1.StockStatus.Low_stock,
        _ => V1.StockStatus.In_stock,
    };
}
