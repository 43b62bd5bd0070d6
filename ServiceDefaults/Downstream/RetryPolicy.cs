using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace IntegrationGateway.ServiceDefaults.Downstream;

/// <summary>Decides whether repeating a failed call is safe and useful.</summary>
public static class RetryPolicy
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static bool ShouldRetry(HttpRequestMessage? request, Outcome<HttpResponseMessage> outcome, DownstreamRetry retry)
    {
        if (request is null || !IsSafeToRepeat(request))
        {
            return false;
        }
        return retry.RetryTransientAnswers
            ? HttpClientResiliencePredicates.IsTransient(outcome)
            : outcome.Exception is HttpRequestException;
    }

    // A POST without an Idempotency-Key may have been applied before the failure; repeating it could apply it twice.
    public static bool IsSafeToRepeat(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Headers.Contains(IdempotencyKeyHeader);
}
