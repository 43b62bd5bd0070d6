namespace IntegrationGateway.ServiceDefaults.Problems;

/// <summary>
/// Stable problem type URIs (RFC 9457 "type"). Clients branch on these, never on titles or details,
/// so they never change once published.
/// </summary>
public static class ProblemTypes
{
    private const string Base = "https://integration-gateway.dev/problems/";

    public const string Validation = Base + "validation";
    public const string MalformedRequest = Base + "malformed-request";
    public const string PayloadTooLarge = Base + "payload-too-large";
    public const string UnsupportedMediaType = Base + "unsupported-media-type";
    public const string MethodNotAllowed = Base + "method-not-allowed";
    public const string NotAcceptable = Base + "not-acceptable";
    public const string HeadersTooLarge = Base + "headers-too-large";
    public const string UriTooLong = Base + "uri-too-long";
    public const string IdempotencyKeyMissing = Base + "idempotency-key-missing";
    public const string IdempotencyKeyReused = Base + "idempotency-key-reused";
    public const string IdempotencyKeyInProgress = Base + "idempotency-key-in-progress";
    public const string NotFound = Base + "not-found";
    public const string InsufficientStock = Base + "insufficient-stock";
    public const string StockCommitted = Base + "stock-committed";
    /// <summary>The thing exists but its state does not allow the change (a shipped pick cannot be cancelled).</summary>
    public const string InvalidState = Base + "invalid-state";
    /// <summary>Another change of the same thing is running; the same request may be sent again shortly.</summary>
    public const string ResourceBusy = Base + "resource-busy";
    public const string LedgerInconsistent = Base + "ledger-inconsistent";
    public const string DependencyUnavailable = Base + "dependency-unavailable";
    public const string Unauthorized = Base + "unauthorized";
    public const string Forbidden = Base + "forbidden";
    public const string RateLimited = Base + "rate-limited";
    public const string UnsupportedApiVersion = Base + "unsupported-api-version";
    public const string RouteNotFound = Base + "route-not-found";
    public const string Unexpected = Base + "unexpected";
}
