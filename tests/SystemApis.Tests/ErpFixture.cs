using IntegrationGateway.SystemApis;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Postgres;

namespace IntegrationGateway.SystemApis.Tests;

/// <summary>The ERP system API alone, on SQLite in a temp folder.</summary>
public sealed class ErpOnSqliteFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ig-erp-").FullName;

    public ServiceHost<SystemApisEntryPoint> Erp { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Erp = ErpHost.Start("Sqlite", $"Data Source={Path.Combine(_folder, "erp.db")}");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Erp.DisposeAsync();
}

/// <summary>The ERP system API alone, on a throwaway PostgreSQL cluster.</summary>
public sealed class ErpOnPostgresFixture : IAsyncLifetime
{
    private PostgresCluster? _cluster;

    public ServiceHost<SystemApisEntryPoint> Erp { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _cluster = await PostgresCluster.StartAsync();
        Erp = ErpHost.Start("Postgres", await _cluster.CreateDatabaseAsync());
    }

    public async Task DisposeAsync()
    {
        if (Erp is not null)
        {
            await Erp.DisposeAsync();
        }
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}

public static class ErpHost
{
    public static ServiceHost<SystemApisEntryPoint> Start(string provider, string connectionString) =>
        new ServiceHost<SystemApisEntryPoint>(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["Storage:ConnectionString"] = connectionString,
            ["Erp:SeedDemoCatalogue"] = "false",
        }).Start();
}
