using IntegrationGateway.ServiceDefaults.Feeds;
using IntegrationGateway.ServiceDefaults.Validation;
using System.ComponentModel.DataAnnotations;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationGateway.SystemApis.Ledger;

public static class LedgerEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public static RouteGroupBuilder MapLedger(this RouteGroupBuilder erp)
    {
        erp.MapGet("/ledger", ListAsync)
            .WithName("ListLedger")
            .WithSummary("Pages the movement ledger in ledger order; a cursor never skips or repeats a row while rows are appended.")
            .RequireAuthorization(Policies.Admin)
            .Produces<LedgerPage>()
            .ProducesProblem(400);
        return erp;
    }

    private static async Task<IResult> ListAsync(
        LedgerStore store, CancellationToken cancellationToken,
        [FromQuery(Name = "sku"), Sku] string? sku = null, [FromQuery(Name = "location"), Location] string? location = null,
        [FromQuery(Name = "after"), Cursor] string? after = null, [FromQuery(Name = "limit"), Range(1, MaxLimit)] int limit = DefaultLimit)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!PositionCursor.TryDecode(after, out var afterId))
        {
            errors["after"] = ["Pass the nextCursor of the previous page, unchanged."];
        }
        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"Ask for 1 to {MaxLimit} rows."];
        }
        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        // One row more than the page tells whether another page follows without a second query.
        var rows = await store.PageAsync(Blank(sku), Blank(location), afterId, limit + 1, cancellationToken);
        var page = rows.Take(limit).ToList();
        return TypedResults.Ok(new LedgerPage
        {
            Entries = page.Select(r => r.ToContract()).ToList(),
            NextCursor = rows.Count > limit ? PositionCursor.Encode(page[^1].Id) : null,
        });
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
