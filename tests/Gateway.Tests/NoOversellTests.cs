using IntegrationGateway.TestSupport.Hosting;

namespace IntegrationGateway.Gateway.Tests;

public sealed class NoOversellOnSqliteTests(SqliteStackFixture fixture) : IClassFixture<SqliteStackFixture>
{
    [Fact]
    public Task TwoHundredConcurrentOrdersForFiftyUnitsAcceptExactlyFifty() => NoOversellScenario.RunAsync(fixture.Stack);
}

public sealed class NoOversellOnPostgresTests(PostgresStackFixture fixture) : IClassFixture<PostgresStackFixture>
{
    [Fact]
    public Task TwoHundredConcurrentOrdersForFiftyUnitsAcceptExactlyFifty() => NoOversellScenario.RunAsync(fixture.Stack);
}
