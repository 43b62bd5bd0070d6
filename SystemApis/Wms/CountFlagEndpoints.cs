using IntegrationGateway.Contracts.Wms;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Idempotency;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.ServiceDefaults.Validation;
using IntegrationGateway.SystemApis.Idempotency;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationGateway.SystemApis.Wms;

public static class CountFlagEndpoints
{
    public static RouteGroupBuilder MapCountFlags(this RouteGroupBuilder wms)
    {
        wms.MapGet("/count-flags", ListAsync)
            .WithName("ListCountFlags")
            .WithSummary("Lists the count flags in a state, oldest first.")
            .RequireAuthorization(Policies.WriteOrders)
            .Produces<ICollection<CountFlag>>()
            .ProducesProblem(400);
        wms.MapPost("/count-flags/resolve", ResolveAsync)
            .WithName("ResolveCountFlags")
            .WithSummary("Resolves the open count flags of a SKU at a location once it was counted.")
            .RequireAuthorization(Policies.WriteOrders)
            .Produces<ICollection<CountFlag>>()
            .ProducesProblem(400).ProducesProblem(422);
        return wms;
    }

    private static async Task<IResult> ListAsync([FromQuery] string? state, [FromQuery, Sku] string? sku, CountFlagStore store, CancellationToken cancellationToken)
    {
        // A plain string, so "open" and "Open" both bind; an enum query parameter binds by member name only.
        CountFlagState? wanted = state?.ToLowerInvariant() switch
        {
            null or "open" => CountFlagState.Open,
            "resolved" => CountFlagState.Resolved,
            _ => null,
        };
        if (wanted is null)
        {
            return Problem.Validation("state", "state is open or resolved.");
        }
        return sku is { Length: > 64 }
            ? Problem.Validation("sku", "A SKU has at most 64 characters.")
            : TypedResults.Ok(await store.ListAsync(wanted.Value, sku, cancellationToken));
    }

    private static Task<IResult> ResolveAsync(
        [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, CountFlagResolution resolution,
        HttpContext context, IdempotentCommands commands, CancellationToken cancellationToken) =>
        commands.HandleAsync(idempotencyKey, resolution, "wms-count-resolve", context,
            (connection, transaction, _) => CountFlagStore.ResolveAsync(connection, transaction, resolution, cancellationToken), cancellationToken);
}
