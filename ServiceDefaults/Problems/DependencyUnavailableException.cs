namespace IntegrationGateway.ServiceDefaults.Problems;

/// <summary>A downstream layer answered, but with a failure we cannot pass on as the caller's problem (5xx).</summary>
public sealed class DependencyUnavailableException(string dependency, int statusCode)
    : Exception($"{dependency} answered {statusCode}.")
{
    public string Dependency { get; } = dependency;
    public int StatusCode { get; } = statusCode;
}
