using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationGateway.SystemApis.Balances;

public static class BalanceEndpoints
{
    public const int MaxSkusPerQuery = 1000;

    public static RouteGroupBuilder MapBalances(this RouteGroupBuilder erp)
    {
        erp.MapGet("/balances", ListAsync)
            .WithName("ListBalances")
            .WithSummary("Reads the balances of one or more SKUs at every location; unknown SKUs are absent.")
            .RequireAuthorization(Policies.ReadAvailability)
            .Produces<ICollection<Balance>>()
            .ProducesProblem(400);
        return erp;
    }

    private static async Task<IResult> ListAsync([FromQuery(Name = "sku")] string[] sku, BalanceStore store, CancellationToken cancellationToken)
    {
        var skus = sku.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToArray();
        if (skus.Length == 0 || skus.Length > MaxSkusPerQuery)
        {
            return Problem.Validation("sku", $"Name between 1 and {MaxSkusPerQuery} SKUs.");
        }
        var rows = await store.ListAsync(skus, cancellationToken);
        return TypedResults.Ok(rows.Select(r => r.ToContract()).ToList());
    }
}
