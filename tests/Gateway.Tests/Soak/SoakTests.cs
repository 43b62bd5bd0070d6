using IntegrationGateway.TestSupport.Hosting;
using Xunit.Abstractions;

namespace IntegrationGateway.Gateway.Tests.Soak;

public sealed class SoakOnSqliteTests(SqliteStackFixture fixture, ITestOutputHelper output) : IClassFixture<SqliteStackFixture>
{
    [Fact]
    public Task ConcurrentOrdersFulfilmentTransfersReturnsAndAdjustmentsKeepEveryInvariant() => SoakScenario.RunAsync(fixture.Stack, output);
}

public sealed class SoakOnPostgresTests(PostgresStackFixture fixture, ITestOutputHelper output) : IClassFixture<PostgresStackFixture>
{
    [Fact]
    public Task ConcurrentOrdersFulfilmentTransfersReturnsAndAdjustmentsKeepEveryInvariant() => SoakScenario.RunAsync(fixture.Stack, output);
}
