using IntegrationGateway.ServiceDefaults.Http;

namespace IntegrationGateway.SystemApis.Ledger;

/// <summary>Where a change came from, stamped on every ledger row it writes (invariant 4 of DESIGN.md).</summary>
public sealed record Provenance(string? IdempotencyKey, string? CorrelationId)
{
    /// <summary>The source_system of every row this API writes.</summary>
    public const string ErpApi = "erp-api";

    public static Provenance Of(HttpContext context) => new(
        context.Request.Headers[IntegrationGateway.ServiceDefaults.Idempotency.IdempotencyKey.Header].FirstOrDefault(),
        context.Request.Headers[CorrelationIdMiddleware.Header].FirstOrDefault());

    /// <summary>
    /// A row of this API's own: its source event is the request, named by the Idempotency-Key (applied once, so a
    /// key never names two events).
    /// </summary>
    public LedgerEntry Entry(string sku, string location, string movementType, long createdAt) =>
        new(sku, location, movementType)
        {
            SourceSystem = ErpApi,
            SourceEventId = IdempotencyKey,
            IdempotencyKey = IdempotencyKey,
            CorrelationId = CorrelationId,
            CreatedAt = createdAt,
        };
}
