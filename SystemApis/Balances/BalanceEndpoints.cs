using IntegrationGateway.ServiceDefaults.Validation;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationGateway.SystemApis.Balances;

public static class BalanceEndpoints
{
    public const int MaxSkusPerQuery = 1000;

    private static readonly string TooManySkus = $"Name between 1 and {MaxSkusPerQuery} SKUs.";

    public static RouteGroupBuilder MapBalances(this RouteGroupBuilder erp)
    {
        erp.MapGet("/balances", ListAsync)
            .WithName("ListBalances")
            .WithSummary("Reads the balances of one or more SKUs at every location; unknown SKUs are absent.")
            .RequireAuthorization(Policies.ReadAvailability)
            .Produces<ICollection<Balance>>()
            .ProducesProblem(400);
        erp.MapPost("/balances/query", QueryAsync)
            .WithName("QueryBalances")
            .WithSummary("Reads the balances of up to 1000 SKUs at every location; unknown SKUs are absent. A body, so a long list fits.")
            .RequireAuthorization(Policies.ReadAvailability)
            .Produces<ICollection<Balance>>()
            .ProducesProblem(400);
        return erp;
    }

    private static async Task<IResult> ListAsync([FromQuery(Name = "sku"), SkuItems] string[] sku, BalanceStore store, CancellationToken cancellationToken)
    {
        var skus = sku.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToArray();
        if (skus.Length == 0 || skus.Length > MaxSkusPerQuery)
        {
            return Problem.Validation("sku", TooManySkus);
        }
        var rows = await store.ListAsync(skus, cancellationToken);
        return TypedResults.Ok(rows.Select(r => r.ToContract()).ToList());
    }

    // The same read as ListBalances: 1000 SKUs as query parameters overflow a server's request line, a body does not.
    private static async Task<IResult> QueryAsync(BalanceQuery query, BalanceStore store, CancellationToken cancellationToken)
    {
        if (query.Skus is not { Count: > 0 and <= MaxSkusPerQuery })
        {
            return Problem.Validation("skus", TooManySkus);
        }
        if (SkuItems.Refusal(query.Skus, "skus") is { } badSku)
        {
            return badSku;
        }
        var rows = await store.ListAsync(query.Skus.Distinct(StringComparer.Ordinal).ToArray(), cancellationToken);
        return TypedResults.Ok(rows.Select(r => r.ToContract()).ToList());
    }
}
