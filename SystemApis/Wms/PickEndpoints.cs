using IntegrationGateway.Contracts.Wms;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Idempotency;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.ServiceDefaults.Validation;
using IntegrationGateway.SystemApis.Idempotency;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationGateway.SystemApis.Wms;

public static class PickEndpoints
{
    public static RouteGroupBuilder MapPicks(this RouteGroupBuilder wms)
    {
        wms.MapPost("/picks", CreateAsync)
            .WithName("CreatePick")
            .WithSummary("Releases units to the warehouse floor as a pick.")
            .RequireAuthorization(Policies.WriteOrders)
            .Produces<Pick>(201)
            .ProducesProblem(400).ProducesProblem(422);
        wms.MapGet("/picks", ListAsync)
            .WithName("ListPicks")
            .WithSummary("Lists the picks of a reference (an order), oldest first.")
            .RequireAuthorization(Policies.WriteOrders)
            .Produces<ICollection<Pick>>()
            .ProducesProblem(400);
        wms.MapGet("/picks/{id}", GetAsync)
            .WithName("GetPick")
            .WithSummary("Reads one pick.")
            .RequireAuthorization(Policies.WriteOrders)
            .Produces<Pick>()
            .ProducesProblem(404);
        wms.MapPost("/picks/{id}/ship", ShipAsync)
            .WithName("ShipPick")
            .WithSummary("Records that an open pick left the building; shipping a shipped pick answers it again.")
            .RequireAuthorization(Policies.WriteOrders)
            .Produces<Pick>()
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        wms.MapPost("/picks/{id}/refuse", RefuseAsync)
            .WithName("RefusePick")
            .WithSummary("Records that the pickers found an open pick physically short, and flags the SKU at the location for a count.")
            .RequireAuthorization(Policies.WriteOrders)
            .Produces<Pick>()
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        wms.MapPost("/picks/{id}/cancel", CancelAsync)
            .WithName("CancelPick")
            .WithSummary("Withdraws an open pick; a shipped pick cannot be cancelled.")
            .RequireAuthorization(Policies.WriteOrders)
            .Produces<Pick>()
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        return wms;
    }

    private static Task<IResult> CreateAsync(
        [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, PickRequest request,
        HttpContext context, IdempotentCommands commands, PickStore store, CancellationToken cancellationToken) =>
        commands.HandleAsync(idempotencyKey, request, "wms-pick", context,
            (connection, transaction, _) => store.CreateAsync(connection, transaction, request, cancellationToken), cancellationToken);

    private static async Task<IResult> ListAsync([FromQuery, Id] string? reference, PickStore store, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reference) || reference.Length > 64)
        {
            return Problem.Validation("reference", "Name the reference (at most 64 characters).");
        }
        return TypedResults.Ok((await store.ListAsync(reference, cancellationToken)).Select(p => p.ToContract()).ToList());
    }

    private static async Task<IResult> GetAsync([Id] string id, PickStore store, CancellationToken cancellationToken) =>
        id.Length <= 40 && await store.FindAsync(id, cancellationToken) is { } pick ? TypedResults.Ok(pick.ToContract()) : Problem.NotFound($"No pick {id}.");

    private static Task<IResult> ShipAsync([Id] string id, [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey,
        HttpContext context, IdempotentCommands commands, PickStore store, CancellationToken cancellationToken) =>
        MoveAsync(id, idempotencyKey, "shipped", null, context, commands, store, cancellationToken);

    private static Task<IResult> RefuseAsync([Id] string id, [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, PickRefusal refusal,
        HttpContext context, IdempotentCommands commands, PickStore store, CancellationToken cancellationToken) =>
        MoveAsync(id, idempotencyKey, "refused", refusal.Reason, context, commands, store, cancellationToken);

    private static Task<IResult> CancelAsync([Id] string id, [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey,
        HttpContext context, IdempotentCommands commands, PickStore store, CancellationToken cancellationToken) =>
        MoveAsync(id, idempotencyKey, "cancelled", null, context, commands, store, cancellationToken);

    private static Task<IResult> MoveAsync([Id] string id, string? idempotencyKey, string to, string? reason,
        HttpContext context, IdempotentCommands commands, PickStore store, CancellationToken cancellationToken) =>
        commands.HandleAsync(idempotencyKey, new PickTransition(id, to, reason), "wms-pick-" + to, context,
            (connection, transaction, _) => store.MoveAsync(connection, transaction, id, to, reason, cancellationToken), cancellationToken);

    /// <summary>What a transition request says, so a key reused for another pick or state is refused.</summary>
    private sealed record PickTransition(string PickId, string To, string? Reason);
}
