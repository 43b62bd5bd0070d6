using System.Globalization;

namespace IntegrationGateway.Gateway.Tests.Hostile;

/// <summary>
/// How big a hostile run is. The test command runs a seeded slice; HOSTILE_REQUESTS_PER_ENDPOINT=1000 makes the full
/// run, HOSTILE_POSTGRES_REQUESTS_PER_ENDPOINT=1000 the same on PostgreSQL (a slice of 8 otherwise), HOSTILE_SEED replays a failing one,
/// HOSTILE_REPORT names a file that collects one example of each failure.
/// </summary>
public static class HostileRun
{
    public const int SliceRequestsPerEndpoint = 40;
    public const int DefaultSeed = 9_2026;

    public static int RequestsPerEndpoint => Number("HOSTILE_REQUESTS_PER_ENDPOINT") ?? SliceRequestsPerEndpoint;

    /// <summary>A thinner slice on PostgreSQL in the test command (its set-up per endpoint is slower); the full run when asked.</summary>
    public const int PostgresSliceRequestsPerEndpoint = 8;

    public static int PostgresRequestsPerEndpoint => Number("HOSTILE_POSTGRES_REQUESTS_PER_ENDPOINT") ?? PostgresSliceRequestsPerEndpoint;

    public static int Seed => Number("HOSTILE_SEED") ?? DefaultSeed;

    public static string? ReportFile => Environment.GetEnvironmentVariable("HOSTILE_REPORT") is { Length: > 0 } path ? path : null;

    /// <summary>Requests in flight at once: enough to keep the stack busy on two cores, few enough to stay fair to other tests.</summary>
    public const int Parallelism = 4;

    /// <summary>A seed per endpoint, stable across runs and machines (string.GetHashCode is not).</summary>
    public static int SeedFor(string endpoint) =>
        unchecked(endpoint.Aggregate((int)2166136261, (hash, c) => (hash ^ c) * 16777619) ^ Seed);

    private static int? Number(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
