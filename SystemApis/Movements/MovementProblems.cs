using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.SystemApis.Balances;
using IntegrationGateway.SystemApis.Idempotency;

namespace IntegrationGateway.SystemApis.Movements;

/// <summary>Why a movement was refused; nothing was changed.</summary>
public static class MovementProblems
{
    public static StoredAnswer NotFound(string sku, string location) =>
        StoredAnswer.Problem(Problem.Details(404, ProblemTypes.NotFound, "Not found.", $"No item {sku} is stocked at location {location}."));

    /// <summary>On-hand would fall below what is committed (reserved, allocated, damaged, inspection).</summary>
    public static StoredAnswer Committed(BalanceRow current, int change, string title)
    {
        var committed = current.Reserved + current.Allocated + current.Damaged + current.Inspection;
        return StoredAnswer.Problem(Problem.Details(409, ProblemTypes.StockCommitted, title,
            $"On hand {current.OnHand}, committed {committed}; a change of {change} is refused.",
            new Dictionary<string, object?> { ["onHand"] = current.OnHand, ["committed"] = committed }));
    }

    /// <summary>The bucket the movement takes units out of holds fewer than it asks for.</summary>
    public static StoredAnswer Short(string bucket, int held, int requested) =>
        StoredAnswer.Problem(Problem.Details(409, ProblemTypes.InsufficientStock, $"Not enough {bucket} for the movement.",
            $"{bucket} holds {held}; {requested} were asked for.",
            new Dictionary<string, object?> { ["bucket"] = bucket, ["held"] = held, ["requested"] = requested }));
}
