using System.ComponentModel.DataAnnotations;
using Asp.Versioning;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ExperienceApis.Channels;
using IntegrationGateway.ExperienceApis.Storefront;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Idempotency;
using IntegrationGateway.ServiceDefaults.OpenApi;
using IntegrationGateway.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Mvc;

// In the deployable's root namespace so each API maps its webhooks with one line.
namespace IntegrationGateway.ExperienceApis;

/// <summary>
/// A channel's webhook subscriptions, the same for every channel type: the channel is the caller's admitted one, and
/// the process API stores and delivers. The shapes are the process API's, which every experience contract repeats
/// unchanged (there is nothing to tailor per channel), so each request passes through as it came.
/// </summary>
public static class ChannelWebhooks
{
    public static RouteGroupBuilder MapChannelWebhooks(this RouteGroupBuilder group, string api, ApiVersion version)
    {
        group.MapPost("/webhooks", CreateAsync).Named(api, "CreateWebhookSubscription", version)
            .WithSummary("Subscribes a URL to this channel's events, signed per Standard Webhooks v1; the answer carries the signing secret.")
            .Produces<WebhookSubscriptionCreated>(201)
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(422).ProducesProblem(503);
        group.MapGet("/webhooks", ListAsync).Named(api, "ListWebhookSubscriptions", version)
            .WithSummary("Pages this channel's subscriptions, newest first.")
            .Produces<WebhookSubscriptionPage>()
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(503);
        group.MapGet("/webhooks/{id}", GetAsync).Named(api, "GetWebhookSubscription", version)
            .WithSummary("Reads one of this channel's subscriptions.")
            .Produces<WebhookSubscription>()
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(503);
        group.MapDelete("/webhooks/{id}", DeleteAsync).Named(api, "DeleteWebhookSubscription", version)
            .WithSummary("Deletes a subscription and everything waiting for it; a second delete is a 404.")
            .Produces(204)
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(503);
        group.MapPost("/webhooks/{id}/rotate-secret", RotateAsync).Named(api, "RotateWebhookSecret", version)
            .WithSummary("Replaces the signing secret; during the rotation window deliveries carry a signature with each secret.")
            .Produces<WebhookSecret>()
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422).ProducesProblem(503);
        group.MapGet("/webhooks/{id}/deliveries", DeliveriesAsync).Named(api, "ListWebhookDeliveries", version)
            .WithSummary("Pages every delivery attempt of a subscription, newest first.")
            .Produces<WebhookDeliveryPage>()
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(503);
        group.MapPost("/webhooks/{id}/replay", ReplayAsync).Named(api, "ReplayWebhookEvents", version)
            .WithSummary("Queues kept events again under their original ids (webhook-id) by event, time or sequence; a disabled subscription is enabled again.")
            .Produces<WebhookReplay>(202)
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422).ProducesProblem(503);
        return group;
    }

    // Endpoint names are unique in the deployable; the operationId is the same in every API's document.
    private static RouteHandlerBuilder Named(this RouteHandlerBuilder endpoint, string api, string operationId, ApiVersion version) =>
        endpoint.MapToApiVersion(version).WithName($"{api}.{operationId}").WithContractOperation(operationId)
            .RequireAuthorization(Policies.AnyChannel, Policies.ManageWebhooks);

    private static async Task<IResult> CreateAsync([FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, WebhookSubscriptionRequest request,
        HttpContext context, IInventoryProcessClient process, CancellationToken cancellationToken) =>
        Answer(await process.CreateWebhookSubscriptionAsync(context.AdmittedChannel(), idempotencyKey!, request, cancellationToken), context, 201);

    private static async Task<IResult> ListAsync(HttpContext context, IInventoryProcessClient process, CancellationToken cancellationToken,
        [FromQuery(Name = "cursor"), Cursor] string? cursor = null, [FromQuery(Name = "limit"), Range(1, 100)] int limit = 50) =>
        Answer(await process.ListWebhookSubscriptionsAsync(context.AdmittedChannel(), cursor, limit, cancellationToken), context);

    private static async Task<IResult> GetAsync([Id] string id, HttpContext context, IInventoryProcessClient process, CancellationToken cancellationToken) =>
        Answer(await process.GetWebhookSubscriptionAsync(context.AdmittedChannel(), id, cancellationToken), context);

    private static async Task<IResult> DeleteAsync([Id] string id, HttpContext context, IInventoryProcessClient process, CancellationToken cancellationToken)
    {
        var response = await process.DeleteWebhookSubscriptionAsync(context.AdmittedChannel(), id, cancellationToken);
        return response.IsSuccessStatusCode ? TypedResults.NoContent() : ProcessAnswers.Relay(response, context);
    }

    private static async Task<IResult> RotateAsync([Id] string id, [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey,
        HttpContext context, IInventoryProcessClient process, CancellationToken cancellationToken) =>
        Answer(await process.RotateWebhookSecretAsync(context.AdmittedChannel(), id, idempotencyKey!, cancellationToken), context);

    private static async Task<IResult> DeliveriesAsync([Id] string id, HttpContext context, IInventoryProcessClient process, CancellationToken cancellationToken,
        [FromQuery(Name = "cursor"), Cursor] string? cursor = null, [FromQuery(Name = "limit"), Range(1, 100)] int limit = 50) =>
        Answer(await process.ListWebhookDeliveriesAsync(context.AdmittedChannel(), id, cursor, limit, cancellationToken), context);

    private static async Task<IResult> ReplayAsync([Id] string id, [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, WebhookReplayRequest request,
        HttpContext context, IInventoryProcessClient process, CancellationToken cancellationToken) =>
        Answer(await process.ReplayWebhookEventsAsync(context.AdmittedChannel(), id, idempotencyKey!, request, cancellationToken), context, 202);

    private static IResult Answer<T>(Refit.IApiResponse<T> response, HttpContext context, int status = 200) =>
        response is { IsSuccessStatusCode: true, Content: { } content }
            ? status switch
            {
                201 => TypedResults.Created((string?)null, content),
                202 => TypedResults.Accepted((string?)null, content),
                _ => TypedResults.Ok(content),
            }
            : ProcessAnswers.Relay(response, context);
}
