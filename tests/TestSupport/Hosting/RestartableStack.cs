using IntegrationGateway.ProcessApis;
using IntegrationGateway.SystemApis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IntegrationGateway.TestSupport.Hosting;

/// <summary>
/// The ERP and WMS system host and the process host on one store, where the process host can be stopped while requests
/// are still inside it and started again on the same store, as a crash and a restart would do. A request that a test
/// holds at a step never runs another line: the old host is gone when its connections are cut.
/// </summary>
public sealed class RestartableStack : IAsyncDisposable
{
    private readonly string? _sqliteFolder;
    private readonly Dictionary<string, string?> _processSettings;
    private readonly Action<IServiceCollection> _processServices;

    private RestartableStack(string? sqliteFolder, ServiceHost<SystemApisEntryPoint> erp, Dictionary<string, string?> processSettings, Action<IServiceCollection> processServices)
    {
        _sqliteFolder = sqliteFolder;
        Erp = erp;
        _processSettings = processSettings;
        _processServices = processServices;
        Process = StartProcess();
    }

    public ServiceHost<SystemApisEntryPoint> Erp { get; }

    public ServiceHost<ProcessApisEntryPoint> Process { get; private set; }

    /// <summary>Starts the stack; <paramref name="processServices"/> is laid over the process host at every start.</summary>
    public static RestartableStack Start((string Erp, string Process)? postgres, Action<IServiceCollection> processServices)
    {
        var folder = postgres is null ? Directory.CreateTempSubdirectory("ig-restart-").FullName : null;
        (string Provider, string Erp, string Process) storage = postgres is { } pg
            ? ("Postgres", pg.Erp, pg.Process)
            : ("Sqlite", $"Data Source={Path.Combine(folder!, "erp.db")}", $"Data Source={Path.Combine(folder!, "process.db")}");
        var erp = new ServiceHost<SystemApisEntryPoint>(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = storage.Provider,
            ["Storage:ConnectionString"] = storage.Erp,
            ["Erp:SeedDemoCatalogue"] = "false",
        }).Start();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = storage.Provider,
            ["Storage:ConnectionString"] = storage.Process,
            ["Downstream:Erp"] = erp.Address.ToString(),
            ["Downstream:Wms"] = erp.Address.ToString(),
        };
        return new RestartableStack(folder, erp, settings, processServices);
    }

    /// <summary>Stops the process host without letting the requests inside it finish, then starts a new one on the same store.</summary>
    public async Task RestartProcessAsync()
    {
        await Process.DisposeAsync();
        Process = StartProcess();
    }

    public Inventory Inventory() => new(Erp.Client(TestTokens.Admin()));

    private ServiceHost<ProcessApisEntryPoint> StartProcess() => new ServiceHost<ProcessApisEntryPoint>(_processSettings, services =>
    {
        // A stop waits this long for requests in flight, then cuts them off: a held request never finishes.
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(500));
        _processServices(services);
    }).Start();

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        await Erp.DisposeAsync();
        SqliteFolder.Delete(_sqliteFolder);
    }
}
