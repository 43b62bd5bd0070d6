using IntegrationGateway.ExperienceApis.Channels;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ExperienceApis.Storefront;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Mvc;
using Mp = IntegrationGateway.Contracts.Marketplace;

namespace IntegrationGateway.ExperienceApis.Marketplace;

public static class FeedEndpoints
{
    public static RouteGroupBuilder MapInventoryFeed(this RouteGroupBuilder marketplace)
    {
        marketplace.MapGet("/inventory-feed", GetAsync)
            .MapToApiVersion(MarketplaceApi.V1)
            .WithName("GetInventoryFeed")
            .WithSummary("The quantities published to the calling marketplace: every SKU, or with a cursor only those changed since.")
            .RequireAuthorization(Policies.AnyChannel, Policies.ReadAvailability)
            .Produces<Mp.InventoryFeed>()
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(503);
        return marketplace;
    }

    private static async Task<IResult> GetAsync([FromQuery, Cursor] string? cursor, HttpContext context, IInventoryProcessClient process, CancellationToken cancellationToken)
    {
        var channel = context.AdmittedChannel();
        long? since = null;
        if (cursor is not null)
        {
            if (!FeedCursor.TryDecode(cursor, channel, out var version))
            {
                return UnknownCursor();
            }
            since = version;
        }
        // Each read publishes a new feed version; the key only guards this one call's transport retries.
        var response = await process.TakeFeedSnapshotAsync(channel, Guid.NewGuid().ToString("N"), new FeedSnapshotRequest { Since = since }, cancellationToken);
        if (response is not { IsSuccessStatusCode: true, Content: { } snapshot })
        {
            return (int?)response.StatusCode == 400 ? UnknownCursor() : ProcessAnswers.Relay(response, context);
        }
        return TypedResults.Ok(new Mp.InventoryFeed
        {
            Cursor = FeedCursor.Encode(channel, snapshot.Version),
            Items = snapshot.Items.Select(i => new Mp.FeedItem { Sku = i.Sku, Quantity = i.Quantity }).ToList(),
        });
    }

    private static IResult UnknownCursor() =>
        Problem.Validation("cursor", "Pass the cursor of an earlier feed answer unchanged, or none for the whole feed.");
}
