using IntegrationGateway.ServiceDefaults.Feeds;
using IntegrationGateway.ServiceDefaults.Validation;
using System.ComponentModel.DataAnnotations;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Idempotency;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.SystemApis.Idempotency;
using IntegrationGateway.SystemApis.Ledger;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationGateway.SystemApis.Events;

public static class EventEndpoints
{
    public static RouteGroupBuilder MapEvents(this RouteGroupBuilder erp)
    {
        erp.MapPost("/events", PostAsync)
            .WithName("PostInventoryEvent")
            .WithSummary("Applies an inventory event from a source system once and in the source's order; a duplicate gets the first answer, an older event is recorded as stale.")
            .RequireAuthorization(Policies.Admin)
            .Produces<InventoryEventResult>(201)
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        erp.MapGet("/events/stale", ListStaleAsync)
            .WithName("ListStaleEvents")
            .WithSummary("Pages the stale events (older than one already applied, so not applied) in the order they were received, for people to review.")
            .RequireAuthorization(Policies.Admin)
            .Produces<StaleEventPage>()
            .ProducesProblem(400);
        return erp;
    }

    private static async Task<IResult> PostAsync(
        [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, InventoryEventRequest request,
        HttpContext context, IdempotentCommands commands, EventStore store, CancellationToken cancellationToken)
    {
        // The annotations were checked by the group's contract validation; these are the rules per kind.
        if (EventStore.Validate(request) is { Count: > 0 } errors)
        {
            return Problem.Validation(errors);
        }
        return await commands.HandleAsync(idempotencyKey, request, "event", context,
            (connection, transaction, provenance) => store.ApplyAsync(connection, transaction, request, provenance, cancellationToken), cancellationToken);
    }

    private static async Task<IResult> ListStaleAsync(
        StaleEventStore store, CancellationToken cancellationToken,
        [FromQuery(Name = "source"), StringLength(32, MinimumLength = 1)] string? source = null, [FromQuery(Name = "after"), Cursor] string? after = null,
        [FromQuery(Name = "limit"), Range(1, LedgerEndpoints.MaxLimit)] int limit = LedgerEndpoints.DefaultLimit)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!PositionCursor.TryDecode(after, out var afterId))
        {
            errors["after"] = ["Pass the nextCursor of the previous page, unchanged."];
        }
        if (limit is < 1 or > LedgerEndpoints.MaxLimit)
        {
            errors["limit"] = [$"Ask for 1 to {LedgerEndpoints.MaxLimit} events."];
        }
        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        var rows = await store.PageAsync(string.IsNullOrEmpty(source) ? null : source, afterId, limit + 1, cancellationToken);
        var page = rows.Take(limit).ToList();
        return TypedResults.Ok(new StaleEventPage
        {
            Events = page.Select(r => r.ToContract()).ToList(),
            NextCursor = rows.Count > limit ? PositionCursor.Encode(page[^1].Id) : null,
        });
    }
}
