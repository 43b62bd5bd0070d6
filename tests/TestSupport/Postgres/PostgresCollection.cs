using Xunit;

namespace IntegrationGateway.TestSupport.Postgres;

// xunit v2 only finds collection definitions in the test assembly itself, so this file is meant to be
// compiled into each test project (linked) instead of into the shared TestSupport library.
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
