using IntegrationGateway.TestSupport.Hosting;
using Xunit.Abstractions;

namespace IntegrationGateway.Gateway.Tests.Hostile;

/// <summary>
/// The same hostile run on PostgreSQL, which refuses what SQLite stores (a NUL in text, for one), with the same seeds;
/// a thin slice in the test command and the full run when HOSTILE_POSTGRES_REQUESTS_PER_ENDPOINT asks for it.
/// </summary>
public sealed class HostileInputOnPostgresTests(PostgresStackFixture fixture, ITestOutputHelper output) : IClassFixture<PostgresStackFixture>
{
    public static TheoryData<string> Endpoints => HostileInputTests.Endpoints;

    [Theory]
    [MemberData(nameof(Endpoints))]
    public Task EveryHostileRequestIsRefusedWithProblemDetailsAndChangesNothingOnPostgres(string endpoint) =>
        HostileEndpointRun.RunAsync(fixture.Stack, endpoint, HostileRun.PostgresRequestsPerEndpoint, output);
}
