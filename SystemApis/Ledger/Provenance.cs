using IntegrationGateway.ServiceDefaults.Http;

namespace IntegrationGateway.SystemApis.Ledger;

/// <summary>Where a change came from, stamped on every ledger row it writes (invariant 4 of DESIGN.md).</summary>
public sealed record Provenance(string? IdempotencyKey, string? CorrelationId)
{
    public static Provenance Of(HttpContext context) => new(
        context.Request.Headers[IntegrationGateway.ServiceDefaults.Idempotency.IdempotencyKey.Header].FirstOrDefault(),
        context.Request.Headers[CorrelationIdMiddleware.Header].FirstOrDefault());

    public LedgerEntry Entry(string sku, string location, string movementType, long createdAt) =>
        new(sku, location, movementType) { IdempotencyKey = IdempotencyKey, CorrelationId = CorrelationId, CreatedAt = createdAt };
}
