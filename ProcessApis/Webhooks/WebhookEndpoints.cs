using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ProcessApis.Channels;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Idempotency;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IntegrationGateway.ProcessApis.Webhooks;

/// <summary>
/// A channel's webhook subscriptions, for the channel's own token with webhooks:manage (the experience APIs relay with
/// the caller's token) or an admin. A subscription of another channel is not found, never shown.
/// </summary>
public static class WebhookEndpoints
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    public static RouteGroupBuilder MapWebhookEndpoints(this RouteGroupBuilder process)
    {
        process.MapPost("/channels/{id}/webhooks", CreateAsync)
            .WithName("CreateWebhookSubscription")
            .WithSummary("Subscribes a URL to this channel's events, signed per Standard Webhooks v1; the answer carries the signing secret.")
            .RequireAuthorization(Policies.ManageWebhooks)
            .Produces<WebhookSubscriptionCreated>(201)
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(422).ProducesProblem(503);
        process.MapGet("/channels/{id}/webhooks", ListAsync)
            .WithName("ListWebhookSubscriptions")
            .WithSummary("Pages this channel's subscriptions, newest first.")
            .RequireAuthorization(Policies.ManageWebhooks)
            .Produces<WebhookSubscriptionPage>()
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(503);
        process.MapGet("/channels/{id}/webhooks/{webhookId}", GetAsync)
            .WithName("GetWebhookSubscription")
            .WithSummary("Reads one of this channel's subscriptions.")
            .RequireAuthorization(Policies.ManageWebhooks)
            .Produces<WebhookSubscription>()
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(503);
        process.MapDelete("/channels/{id}/webhooks/{webhookId}", DeleteAsync)
            .WithName("DeleteWebhookSubscription")
            .WithSummary("Deletes a subscription and everything waiting for it; a second delete is a 404.")
            .RequireAuthorization(Policies.ManageWebhooks)
            .Produces(204)
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(503);
        process.MapPost("/channels/{id}/webhooks/{webhookId}/rotate-secret", RotateAsync)
            .WithName("RotateWebhookSecret")
            .WithSummary("Replaces the signing secret; during the rotation window deliveries carry a signature with each secret.")
            .RequireAuthorization(Policies.ManageWebhooks)
            .Produces<WebhookSecret>()
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422).ProducesProblem(503);
        process.MapGet("/channels/{id}/webhooks/{webhookId}/deliveries", DeliveriesAsync)
            .WithName("ListWebhookDeliveries")
            .WithSummary("Pages every delivery attempt of a subscription, newest first.")
            .RequireAuthorization(Policies.ManageWebhooks)
            .Produces<WebhookDeliveryPage>()
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(503);
        process.MapPost("/channels/{id}/webhooks/{webhookId}/replay", ReplayAsync)
            .WithName("ReplayWebhookEvents")
            .WithSummary("Queues kept events again under their original ids (webhook-id) by event, time or sequence; a disabled subscription is enabled again.")
            .RequireAuthorization(Policies.ManageWebhooks)
            .Produces<WebhookReplay>(202)
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422).ProducesProblem(503);
        return process;
    }

    private static async Task<IResult> CreateAsync([Id] string id, [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, WebhookSubscriptionRequest request,
        ClaimsPrincipal user, ChannelStore channels, SubscriptionStore subscriptions, IOptions<WebhookOptions> options, CancellationToken cancellationToken)
    {
        var errors = WebhookRequests.Errors(request, options.Value.AllowPrivateTargets == true);
        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }
        if (!ChannelAccess.Allows(user, id))
        {
            return ChannelAccess.Forbidden(id);
        }
        if (await channels.FindAsync(id, cancellationToken) is null)
        {
            return Problem.Validation("id", $"No channel {id}.");
        }
        return await subscriptions.CreateAsync(id, idempotencyKey!, request, cancellationToken) switch
        {
            SubscriptionStore.Outcome<WebhookSubscriptionCreated>.Done done =>
                TypedResults.Created($"/process/v1/channels/{Uri.EscapeDataString(id)}/webhooks/{done.Answer.Id}", done.Answer),
            _ => Problem.IdempotencyKeyReused(),
        };
    }

    private static async Task<IResult> ListAsync([Id] string id, ClaimsPrincipal user, ChannelStore channels, SubscriptionStore subscriptions, WebhookClock clock, CancellationToken cancellationToken,
        [FromQuery(Name = "cursor"), Cursor] string? cursor = null, [FromQuery(Name = "limit"), Range(1, MaxLimit)] int limit = DefaultLimit)
    {
        if (!PageCursor.TryDecode(cursor, out var beforeCreated, out var beforeId))
        {
            return Problem.Validation("cursor", "Pass the nextCursor of the previous page, unchanged.");
        }
        if (!ChannelAccess.Allows(user, id))
        {
            return ChannelAccess.Forbidden(id);
        }
        // An unknown channel is not an empty list: the caller named something that does not exist.
        if (await channels.FindAsync(id, cancellationToken) is null)
        {
            return Problem.NotFound($"No channel {id}.");
        }
        var rows = await subscriptions.PageAsync(id, beforeCreated, cursor is null ? "\uffff" : beforeId, limit + 1, cancellationToken);
        var page = rows.Take(limit).ToList();
        return TypedResults.Ok(new WebhookSubscriptionPage
        {
            Items = page.Select(r => r.ToContract(clock.NowMs)).ToList(),
            NextCursor = rows.Count > limit ? PageCursor.Encode(page[^1].CreatedAt, page[^1].Id) : null,
        });
    }

    private static async Task<IResult> GetAsync([Id] string id, [Id] string webhookId, ClaimsPrincipal user, SubscriptionStore subscriptions, WebhookClock clock, CancellationToken cancellationToken)
    {
        if (!ChannelAccess.Allows(user, id))
        {
            return ChannelAccess.Forbidden(id);
        }
        return await subscriptions.FindAsync(id, webhookId, cancellationToken) is { } row ? TypedResults.Ok(row.ToContract(clock.NowMs)) : NotFound(id, webhookId);
    }

    private static async Task<IResult> DeleteAsync([Id] string id, [Id] string webhookId, ClaimsPrincipal user, SubscriptionStore subscriptions, CancellationToken cancellationToken)
    {
        if (!ChannelAccess.Allows(user, id))
        {
            return ChannelAccess.Forbidden(id);
        }
        return await subscriptions.DeleteAsync(id, webhookId, cancellationToken) ? TypedResults.NoContent() : NotFound(id, webhookId);
    }

    private static async Task<IResult> RotateAsync([Id] string id, [Id] string webhookId, [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey,
        ClaimsPrincipal user, SubscriptionStore subscriptions, CancellationToken cancellationToken)
    {
        if (!ChannelAccess.Allows(user, id))
        {
            return ChannelAccess.Forbidden(id);
        }
        return await subscriptions.RotateAsync(id, webhookId, idempotencyKey!, cancellationToken) switch
        {
            SubscriptionStore.Outcome<WebhookSecret>.Done done => TypedResults.Ok(done.Answer),
            SubscriptionStore.Outcome<WebhookSecret>.NotFound => NotFound(id, webhookId),
            _ => Problem.IdempotencyKeyReused(),
        };
    }

    private static async Task<IResult> DeliveriesAsync([Id] string id, [Id] string webhookId, ClaimsPrincipal user, SubscriptionStore subscriptions, DeliveryLog log,
        CancellationToken cancellationToken, [FromQuery(Name = "cursor"), Cursor] string? cursor = null, [FromQuery(Name = "limit"), Range(1, MaxLimit)] int limit = DefaultLimit)
    {
        if (!PageCursor.TryDecode(cursor, out var before, out _))
        {
            return Problem.Validation("cursor", "Pass the nextCursor of the previous page, unchanged.");
        }
        if (!ChannelAccess.Allows(user, id))
        {
            return ChannelAccess.Forbidden(id);
        }
        if (await subscriptions.FindAsync(id, webhookId, cancellationToken) is null)
        {
            return NotFound(id, webhookId);
        }
        var rows = await log.PageAsync(webhookId, before, limit + 1, cancellationToken);
        var page = rows.Take(limit).ToList();
        return TypedResults.Ok(new WebhookDeliveryPage
        {
            Items = page.Select(r => r.Delivery).ToList(),
            NextCursor = rows.Count > limit ? PageCursor.Encode(page[^1].Id) : null,
        });
    }

    private static async Task<IResult> ReplayAsync([Id] string id, [Id] string webhookId, [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey,
        WebhookReplayRequest request, ClaimsPrincipal user, WebhookReplays replays, CancellationToken cancellationToken)
    {
        var errors = WebhookRequests.Errors(request);
        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }
        if (!ChannelAccess.Allows(user, id))
        {
            return ChannelAccess.Forbidden(id);
        }
        return await replays.ReplayAsync(id, webhookId, idempotencyKey!, request, cancellationToken) switch
        {
            WebhookReplays.Outcome.Done done => TypedResults.Accepted((string?)null, done.Answer),
            WebhookReplays.Outcome.NotFound notFound => Problem.NotFound(notFound.Detail),
            _ => Problem.IdempotencyKeyReused(),
        };
    }

    private static IResult NotFound(string channel, string webhookId) => Problem.NotFound($"No webhook subscription {webhookId} for channel {channel}.");
}
