using IntegrationGateway.ExperienceApis.Channels;
using IntegrationGateway.ExperienceApis.ReadModels;
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

    private static async Task<IResult> GetAsync([FromQuery, Cursor] string? cursor, HttpContext context, CancellationToken cancellationToken)
    {
        var channel = context.AdmittedChannel();
        long? since = null;
        if (cursor is not null)
        {
            if (!FeedCursor.TryDecode(cursor, channel, out var position, out var current))
            {
                return UnknownCursor();
            }
            // A cursor of the feed before events (a process feed version) gets the whole feed once: always safe.
            since = current ? position : null;
        }
        // The read model answers: the feed is what this channel's events said, and reading it stores nothing.
        var (view, failure) = await ReadModelAnswers.ViewAsync(context, channel, cancellationToken);
        if (view is null)
        {
            return failure!;
        }
        // A cursor from an instance further along is already past every change this one knows of.
        var mark = Math.Max(view.HighWater, since ?? 0);
        var figures = (since is { } after ? view.ChangedAfter(after) : view.All).OrderBy(f => f.Sku, StringComparer.Ordinal).ToList();
        ReadModelAnswers.Describe(context, figures);
        return TypedResults.Ok(new Mp.InventoryFeed
        {
            Cursor = FeedCursor.Encode(channel, mark),
            Items = figures.Select(f => new Mp.FeedItem { Sku = f.Sku, Quantity = f.Available }).ToList(),
        });
    }

    private static IResult UnknownCursor() =>
        Problem.Validation("cursor", "Pass the cursor of an earlier feed answer unchanged, or none for the whole feed.");
}
