using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Idempotency;
using IntegrationGateway.SystemApis.Idempotency;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationGateway.SystemApis.Counts;

public static class CountEndpoints
{
    public static RouteGroupBuilder MapCounts(this RouteGroupBuilder erp)
    {
        erp.MapPost("/counts", CountAsync)
            .WithName("PostCycleCount")
            .WithSummary("Sets on-hand to a counted figure through an adjustment; a count below what is committed takes back the newest reservations instead of going negative.")
            .RequireAuthorization(Policies.Admin)
            .Produces<CycleCountResult>(201)
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        return erp;
    }

    private static Task<IResult> CountAsync(
        [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, CycleCountRequest request,
        HttpContext context, IdempotentCommands commands, CycleCountStore store, CancellationToken cancellationToken) =>
        commands.HandleAsync(idempotencyKey, request, "count", context,
            (connection, transaction, provenance) => store.CountAsync(connection, transaction, request, provenance, cancellationToken), cancellationToken);
}
