using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Idempotency;
using IntegrationGateway.SystemApis.Idempotency;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationGateway.SystemApis.Rebuild;

public static class RebuildEndpoints
{
    public static RouteGroupBuilder MapRebuild(this RouteGroupBuilder erp)
    {
        erp.MapPost("/admin/rebuild", RebuildAsync)
            .WithName("RebuildBalances")
            .WithSummary("Recomputes every balance from its ledger rows and reports each difference; with apply, sets the balances to the rebuilt values.")
            .RequireAuthorization(Policies.Admin)
            .Produces<RebuildReport>()
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(422);
        return erp;
    }

    private static Task<IResult> RebuildAsync(
        [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, RebuildRequest request,
        HttpContext context, IdempotentCommands commands, RebuildStore store, CancellationToken cancellationToken) =>
        commands.HandleAsync(idempotencyKey, request, "rebuild", context,
            (connection, transaction, _) => store.RebuildAsync(connection, transaction, request.Apply, cancellationToken), cancellationToken);
}
