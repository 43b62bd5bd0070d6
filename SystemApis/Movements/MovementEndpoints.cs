using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Idempotency;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.SystemApis.Idempotency;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationGateway.SystemApis.Movements;

public static class MovementEndpoints
{
    public static RouteGroupBuilder MapMovements(this RouteGroupBuilder erp)
    {
        erp.MapPost("/movements", PostAsync)
            .WithName("PostMovement")
            .WithSummary("Posts a movement to the ledger and its balances in one transaction; a transfer-ship answers with the shipping balance.")
            .RequireAuthorization(Policies.Admin)
            .Produces<Balance>(201)
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        return erp;
    }

    private static async Task<IResult> PostAsync(
        [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, MovementRequest request,
        HttpContext context, IdempotentCommands commands, MovementStore store, CancellationToken cancellationToken)
    {
        if (MovementStore.Validate(request) is { Count: > 0 } errors)
        {
            return Problem.Validation(errors);
        }
        return await commands.HandleAsync(idempotencyKey, request, "movement", context,
            (connection, transaction, provenance) => store.PostAsync(connection, transaction, request, provenance, cancellationToken), cancellationToken);
    }
}
