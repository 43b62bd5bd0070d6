namespace IntegrationGateway.Gateway.Tests.Hostile;

/// <summary>
/// The hostile run on PostgreSQL doubles the time of the run on SQLite (a cluster of its own, slower set-up per
/// endpoint), more than the test command's budget: it runs when HOSTILE_POSTGRES_REQUESTS_PER_ENDPOINT is set and
/// is reported as skipped, saying how to run it, otherwise.
/// </summary>
public sealed class PostgresHostileTheoryAttribute : TheoryAttribute
{
    public PostgresHostileTheoryAttribute()
    {
        if (HostileRun.PostgresRequestsPerEndpoint is null)
        {
            Skip = "Set HOSTILE_POSTGRES_REQUESTS_PER_ENDPOINT (for example 1000) to run the hostile suite on PostgreSQL.";
        }
    }
}
