using Polly.CircuitBreaker;
using Polly.Timeout;

namespace IntegrationGateway.ServiceDefaults.Problems;

/// <summary>Recognises a failed call to another layer, as opposed to a bug or a caller that went away.</summary>
public static class DependencyFailure
{
    /// <summary>What callers are told to wait: about the circuit breaker's break duration.</summary>
    public const int RetryAfterSeconds = 5;

    public static bool IsDependencyFailure(Exception exception, CancellationToken requestAborted) => exception switch
    {
        HttpRequestException or BrokenCircuitException or TimeoutRejectedException or DependencyUnavailableException => true,
        // HttpClient's own timeout surfaces as a cancellation the caller did not ask for.
        TaskCanceledException or OperationCanceledException => !requestAborted.IsCancellationRequested,
        _ => exception.InnerException is not null && IsDependencyFailure(exception.InnerException, requestAborted),
    };
}
