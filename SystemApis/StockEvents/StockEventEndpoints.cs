using System.ComponentModel.DataAnnotations;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Feeds;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationGateway.SystemApis.StockEvents;

public static class StockEventEndpoints
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 1000;
    public const int MaxWaitSeconds = 30;

    public static RouteGroupBuilder MapStockEvents(this RouteGroupBuilder erp)
    {
        erp.MapGet("/stock-events", ListAsync)
            .WithName("ListStockEvents")
            .WithSummary("The stock.changed change feed: one event per balance change, in commit order, with every bucket as it was at commit; waits up to wait seconds for the next event when none is there yet.")
            // The process API follows it with its own service token, which reads availability.
            .RequireAuthorization(Policies.ReadAvailability)
            .Produces<StockEventPage>()
            .ProducesProblem(400);
        // Whatever a write committed, a consumer waiting on the feed hears of it now rather than at its next re-read.
        erp.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            if (!HttpMethods.IsGet(context.HttpContext.Request.Method))
            {
                context.HttpContext.RequestServices.GetRequiredService<FeedSignal>().Pulse();
            }
            return result;
        });
        return erp;
    }

    private static async Task<IResult> ListAsync(
        StockEventStore store, FeedSignal signal, TimeProvider time, CancellationToken cancellationToken,
        [FromQuery(Name = "after"), Cursor] string? after = null, [FromQuery(Name = "limit"), Range(1, MaxLimit)] int limit = DefaultLimit,
        [FromQuery(Name = "wait"), Range(0, MaxWaitSeconds)] int wait = 0)
    {
        if (!PositionCursor.TryDecode(after, out var afterPosition))
        {
            return Problem.Validation("after", "Pass the nextCursor of the previous page, unchanged.");
        }
        var rows = await FeedPoll.ReadAsync(token => store.PageAsync(afterPosition, limit, token), signal, TimeSpan.FromSeconds(wait), time, cancellationToken,
            new FeedPoll.Whole<StockEventRow>(afterPosition, limit, row => row.Position));
        return TypedResults.Ok(new StockEventPage
        {
            Events = rows.Select(r => r.ToContract()).ToList(),
            NextCursor = PositionCursor.Encode(rows.Count > 0 ? rows[^1].Position : afterPosition),
        });
    }
}
