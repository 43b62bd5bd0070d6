using System.Security.Claims;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ProcessApis.Channels;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Idempotency;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationGateway.ProcessApis.Feeds;

/// <summary>
/// A channel's feed: each request publishes the channel's current availability of every SKU as a new version and
/// answers with what changed since the version the caller last saw, so a feed cursor is just a version number.
/// </summary>
public static class FeedEndpoints
{
    public static RouteGroupBuilder MapFeeds(this RouteGroupBuilder process)
    {
        process.MapPost("/channels/{id}/feed/snapshots", TakeAsync)
            .WithName("TakeFeedSnapshot")
            .WithSummary("Publishes the channel's current availability of every ERP SKU as a new feed version and returns what changed since a given version (everything when none is given).")
            .RequireAuthorization(Policies.ReadAvailability)
            .Produces<FeedSnapshot>()
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422).ProducesProblem(503);
        return process;
    }

    private static async Task<IResult> TakeAsync(
        [Id] string id, [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, FeedSnapshotRequest request, ClaimsPrincipal user,
        ChannelStore channels, FeedStore feeds, ChannelCatalogue catalogue, CancellationToken cancellationToken)
    {
        if (request.Since is < 1)
        {
            return Problem.Validation("since", "Pass a version this channel's feed returned.");
        }
        if (!ChannelAccess.Allows(user, id))
        {
            return ChannelAccess.Forbidden(id);
        }
        if (await channels.FindAsync(id, cancellationToken) is not { } channel)
        {
            return Problem.NotFound($"No channel {id}.");
        }
        var version = await feeds.FindAsync(id, idempotencyKey!, cancellationToken)
            ?? await feeds.RecordAsync(id, idempotencyKey!, request.Since, await catalogue.PublishedAsync(channel, cancellationToken), cancellationToken);
        if (version is null)
        {
            return Problem.Validation("since", $"Channel {id}'s feed never had version {request.Since}.");
        }
        if (version.Since != request.Since)
        {
            return Problem.IdempotencyKeyReused();
        }
        var items = await feeds.ChangesAsync(id, version, cancellationToken);
        return TypedResults.Ok(new FeedSnapshot
        {
            Channel = id,
            Version = version.Version,
            Since = version.Since,
            Items = items.Select(i => new FeedItem { Sku = i.Sku, Quantity = i.Quantity }).ToList(),
        });
    }
}
