using IntegrationGateway.Contracts.Process;
using IntegrationGateway.Contracts.StorefrontV2;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.OpenApi;
using IntegrationGateway.ServiceDefaults.Problems;
using Microsoft.Extensions.Options;

namespace IntegrationGateway.ExperienceApis.Storefront;

/// <summary>Storefront v2 availability: the total and what each serving location can sell.</summary>
public static class AvailabilityV2Endpoints
{
    public static RouteGroupBuilder MapStorefrontAvailabilityV2(this RouteGroupBuilder storefront)
    {
        storefront.MapGet("/availability/{sku}", GetOneAsync)
            .MapToApiVersion(StorefrontVersions.V2)
            .WithContractOperation("GetStockLevel")
            .WithSummary("What the storefront may sell of one SKU.")
            .RequireAuthorization(Policies.StorefrontChannel, Policies.ReadAvailability)
            .Produces<StockLevel>()
            .ProducesProblem(404).ProducesProblem(503);
        storefront.MapGet("/availability", GetManyAsync)
            .MapToApiVersion(StorefrontVersions.V2)
            .WithContractOperation("ListStockLevels")
            .WithSummary("What the storefront may sell of several SKUs.")
            .RequireAuthorization(Policies.StorefrontChannel, Policies.ReadAvailability)
            .Produces<StockLevelList>()
            .ProducesProblem(400).ProducesProblem(503);
        return storefront;
    }

    private static async Task<IResult> GetOneAsync(string sku, HttpContext context, IInventoryProcessClient process, IOptions<StorefrontOptions> options, CancellationToken cancellationToken)
    {
        var response = await process.GetChannelAvailabilityAsync(options.Value.Channel, [sku], cancellationToken);
        if (response is not { IsSuccessStatusCode: true, Content: { } availability })
        {
            return ProcessAnswers.Relay(response, context);
        }
        return availability.Items.FirstOrDefault() is { } item
            ? EntityTags.OkOrNotModified(context, Of(item, options.Value.LowStockThreshold))
            : Problem.NotFound($"No SKU {sku} is sold on this storefront.");
    }

    private static async Task<IResult> GetManyAsync([Microsoft.AspNetCore.Mvc.FromQuery] string skus, HttpContext context, IInventoryProcessClient process, IOptions<StorefrontOptions> options, CancellationToken cancellationToken)
    {
        if (AvailabilityEndpoints.ParseSkus(skus) is not { } wanted)
        {
            return AvailabilityEndpoints.TooManySkus();
        }
        var response = await process.GetChannelAvailabilityAsync(options.Value.Channel, wanted, cancellationToken);
        if (response is not { IsSuccessStatusCode: true, Content: ChannelAvailability availability })
        {
            return ProcessAnswers.Relay(response, context);
        }
        return EntityTags.OkOrNotModified(context, new StockLevelList
        {
            Items = availability.Items.Select(i => Of(i, options.Value.LowStockThreshold)).ToList(),
            Unknown = availability.Unknown.ToList(),
        });
    }

    private static StockLevel Of(SkuAvailability availability, int lowStockThreshold) => new()
    {
        Sku = availability.Sku,
        Total = new StockTotal { Available = availability.Available, Status = (StockStatus)StockLevels.StatusOf(availability.Available, lowStockThreshold) },
        Locations = availability.Locations.Select(l => new LocationStock { Location = l.Location, Available = l.Available }).ToList(),
    };
}
