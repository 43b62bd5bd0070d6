using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.SystemApis.Balances;
using IntegrationGateway.SystemApis.Idempotency;

namespace IntegrationGateway.SystemApis.Events;

/// <summary>The refusals of an inbound event; each leaves the balance as it was.</summary>
public static class EventProblems
{
    // Same base as ProblemTypes; these types belong to the inbound event feed only.
    public const string StaleEvent = "https://integration-gateway.dev/problems/stale-event";
    public const string VersionConflict = "https://integration-gateway.dev/problems/version-conflict";
    public const string EventIdReused = "https://integration-gateway.dev/problems/event-id-reused";

    public static StoredAnswer Stale(long sequence, long appliedSequence) =>
        StoredAnswer.Problem(Problem.Details(409, StaleEvent, "The event is older than one already applied.",
            $"Sequence {sequence} is at or below the applied sequence {appliedSequence}; the event was recorded for review, not applied.",
            new Dictionary<string, object?> { ["sequence"] = sequence, ["appliedSequence"] = appliedSequence }));

    public static StoredAnswer Conflict(long expectedVersion, long currentVersion) =>
        StoredAnswer.Problem(Problem.Details(409, VersionConflict, "The balance is no longer at the expected version.",
            $"Expected version {expectedVersion}, the balance is at {currentVersion}; nothing was changed.",
            new Dictionary<string, object?> { ["expectedVersion"] = expectedVersion, ["currentVersion"] = currentVersion }));

    public static StoredAnswer Committed(BalanceRow current, int onHand)
    {
        var committed = current.Reserved + current.Allocated + current.Damaged + current.Inspection;
        return StoredAnswer.Problem(Problem.Details(409, ProblemTypes.StockCommitted, "The event would take on-hand below committed stock.",
            $"On hand would be {onHand}, committed {committed}; nothing was changed.",
            new Dictionary<string, object?> { ["onHand"] = current.OnHand, ["committed"] = committed }));
    }

    public static StoredAnswer NotFound(string sku, string location) =>
        StoredAnswer.Problem(Problem.Details(404, ProblemTypes.NotFound, "Not found.", $"No item {sku} is stocked at location {location}."));

    public static StoredAnswer EventIdTaken(string source, string eventId) =>
        StoredAnswer.Problem(Problem.Details(422, EventIdReused, "The event id was already applied with another body.",
            $"Source {source} already sent event {eventId} with different content; send a new event id for a different event."));
}
