using IntegrationGateway.TestSupport.Hostile;
using IntegrationGateway.TestSupport.Hosting;
using Xunit.Abstractions;

namespace IntegrationGateway.Gateway.Tests.Hostile;

/// <summary>
/// Seeded hostile requests generated from the contracts, through the gateway, at every operation of every public
/// and admin API: each answer is a 4xx problem (never a 5xx, never a leak), and a refused request changes nothing.
/// </summary>
public sealed class HostileInputTests(SqliteStackFixture fixture, ITestOutputHelper output) : IClassFixture<SqliteStackFixture>
{
    public static TheoryData<string> Endpoints => [.. ContractCatalogue.Operations.Select(o => o.Endpoint)];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public Task EveryHostileRequestIsRefusedWithProblemDetailsAndChangesNothing(string endpoint) =>
        HostileEndpointRun.RunAsync(fixture.Stack, endpoint, HostileRun.RequestsPerEndpoint, output);
}
