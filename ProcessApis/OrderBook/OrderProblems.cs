using IntegrationGateway.ProcessApis.Sourcing;
using IntegrationGateway.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationGateway.ProcessApis.OrderBook;

public static class OrderProblems
{
    public static ProblemDetails InsufficientStock(IReadOnlyList<Shortage> shortages) =>
        Problem.Details(409, ProblemTypes.InsufficientStock, "Not enough sellable stock for the order.",
            "Nothing was reserved. " + string.Join("; ", shortages.Select(s => $"{s.Sku}: {s.Requested} requested, {s.Available} available")),
            new Dictionary<string, object?>
            {
                ["shortages"] = shortages.Select(s => new { sku = s.Sku, requested = s.Requested, available = s.Available }).ToList(),
            });
}
