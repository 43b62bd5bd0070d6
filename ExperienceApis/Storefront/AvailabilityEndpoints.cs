using IntegrationGateway.Contracts.Process;
using IntegrationGateway.Contracts.Storefront;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Problems;
using Microsoft.Extensions.Options;

namespace IntegrationGateway.ExperienceApis.Storefront;

public static class AvailabilityEndpoints
{
    public const int MaxSkusPerQuery = 100;

    public static RouteGroupBuilder MapStorefrontAvailability(this RouteGroupBuilder storefront)
    {
        storefront.MapGet("/availability/{sku}", GetOneAsync)
            .MapToApiVersion(StorefrontVersions.V1)
            .WithName("GetStockLevel")
            .WithSummary("What the storefront may sell of one SKU.")
            .RequireAuthorization(Policies.StorefrontChannel, Policies.ReadAvailability)
            .Produces<StockLevel>()
            .ProducesProblem(404).ProducesProblem(503);
        storefront.MapGet("/availability", GetManyAsync)
            .MapToApiVersion(StorefrontVersions.V1)
            .WithName("ListStockLevels")
            .WithSummary("What the storefront may sell of several SKUs.")
            .RequireAuthorization(Policies.StorefrontChannel, Policies.ReadAvailability)
            .Produces<StockLevelList>()
            .ProducesProblem(400).ProducesProblem(503);
        return storefront;
    }

    /// <summary>The SKUs of a comma-separated list, or null when there are none or too many.</summary>
    public static List<string>? ParseSkus(string skus)
    {
        var wanted = skus.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        return wanted.Count is 0 or > MaxSkusPerQuery ? null : wanted;
    }

    public static IResult TooManySkus() => Problem.Validation("skus", $"Name between 1 and {MaxSkusPerQuery} comma-separated SKUs.");

    private static async Task<IResult> GetOneAsync(string sku, HttpContext context, IInventoryProcessClient process, IOptions<StorefrontOptions> options, CancellationToken cancellationToken)
    {
        var response = await process.GetChannelAvailabilityAsync(options.Value.Channel, [sku], cancellationToken);
        if (response is not { IsSuccessStatusCode: true, Content: { } availability })
        {
            return ProcessAnswers.Relay(response, context);
        }
        return availability.Items.FirstOrDefault() is { } item
            ? EntityTags.OkOrNotModified(context, StockLevels.Of(item, options.Value.LowStockThreshold))
            : Problem.NotFound($"No SKU {sku} is sold on this storefront.");
    }

    private static async Task<IResult> GetManyAsync([Microsoft.AspNetCore.Mvc.FromQuery] string skus, HttpContext context, IInventoryProcessClient process, IOptions<StorefrontOptions> options, CancellationToken cancellationToken)
    {
        if (ParseSkus(skus) is not { } wanted)
        {
            return TooManySkus();
        }
        var response = await process.GetChannelAvailabilityAsync(options.Value.Channel, wanted, cancellationToken);
        if (response is not { IsSuccessStatusCode: true, Content: ChannelAvailability availability })
        {
            return ProcessAnswers.Relay(response, context);
        }
        return EntityTags.OkOrNotModified(context, new StockLevelList
        {
            Items = availability.Items.Select(i => StockLevels.Of(i, options.Value.LowStockThreshold)).ToList(),
            Unknown = availability.Unknown.ToList(),
        });
    }
}
