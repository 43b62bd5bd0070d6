using IntegrationGateway.ExperienceApis;
using IntegrationGateway.ProcessApis;
using IntegrationGateway.SystemApis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IntegrationGateway.TestSupport.Hosting;

/// <summary>
/// The ERP and WMS system host and the process host on one store, where the process host can be stopped while requests
/// are still inside it and started again on the same store, as a crash and a restart would do. A request that a test
/// holds at a step never runs another line: the old host is gone when its connections are cut. A restarted host
/// listens where the old one did, so an experience host (when the stack has one) follows it as it would in production;
/// the experience host can be stopped and started again too, with empty read models.
/// </summary>
public sealed class RestartableStack : IAsyncDisposable
{
    private readonly string? _sqliteFolder;
    private readonly Dictionary<string, string?> _processSettings;
    private readonly Action<IServiceCollection> _processServices;
    private readonly Action<IServiceCollection>? _experienceServices;

    private RestartableStack(string? sqliteFolder, ServiceHost<SystemApisEntryPoint> erp, Dictionary<string, string?> processSettings,
        Action<IServiceCollection> processServices, Action<IServiceCollection>? experienceServices)
    {
        _sqliteFolder = sqliteFolder;
        Erp = erp;
        _processSettings = processSettings;
        _processServices = processServices;
        _experienceServices = experienceServices;
        Process = StartProcess(port: 0);
        if (experienceServices is not null)
        {
            StartExperience();
        }
    }

    public ServiceHost<SystemApisEntryPoint> Erp { get; }

    public ServiceHost<ProcessApisEntryPoint> Process { get; private set; }

    /// <summary>The experience host following the process API's events; null when the stack was started without one, or while it is stopped.</summary>
    public ServiceHost<ExperienceApisEntryPoint>? Experience { get; private set; }

    /// <summary>Starts the stack; <paramref name="processServices"/> is laid over the process host at every start.</summary>
    public static RestartableStack Start((string Erp, string Process)? postgres, Action<IServiceCollection> processServices) =>
        Start(postgres, processServices, experienceServices: null);

    /// <summary>
    /// Starts the stack with an experience host when <paramref name="experienceServices"/> is given (laid over it at
    /// every start; pass <c>_ =&gt; { }</c> for none).
    /// </summary>
    public static RestartableStack Start((string Erp, string Process)? postgres, Action<IServiceCollection> processServices, Action<IServiceCollection>? experienceServices)
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
        return new RestartableStack(folder, erp, settings, processServices, experienceServices);
    }

    /// <summary>Stops the process host without letting the requests inside it finish, then starts a new one on the same store and port.</summary>
    public async Task RestartProcessAsync()
    {
        var port = Process.Address.Port;
        await Process.DisposeAsync();
        Process = StartProcess(port);
    }

    /// <summary>Stops the experience host; its read models go with it.</summary>
    public async Task StopExperienceAsync()
    {
        if (Experience is { } experience)
        {
            Experience = null;
            await experience.DisposeAsync();
        }
    }

    /// <summary>Starts a new experience host, which knows nothing yet: it builds its read models from the process API.</summary>
    public ServiceHost<ExperienceApisEntryPoint> StartExperience()
    {
        if (_experienceServices is null)
        {
            throw new InvalidOperationException("This stack was started without an experience host.");
        }
        if (Experience is not null)
        {
            throw new InvalidOperationException("Stop the experience host before starting another.");
        }
        Experience = new ServiceHost<ExperienceApisEntryPoint>(new Dictionary<string, string?>
        {
            ["Downstream:Process"] = Process.Address.ToString(),
        }, _experienceServices).Start();
        return Experience;
    }

    /// <summary>Waits until every change made so far has reached the experience host's read models.</summary>
    public Task SettleAsync() => Propagation.SettleAsync(Erp, Process, Experience is { } experience ? [experience] : []);

    public Inventory Inventory() => new(Erp.Client(TestTokens.Admin()));

    private ServiceHost<ProcessApisEntryPoint> StartProcess(int port) => new ServiceHost<ProcessApisEntryPoint>(_processSettings, services =>
    {
        // A stop waits this long for requests in flight, then cuts them off: a held request never finishes.
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(500));
        _processServices(services);
    }, port).Start();

    public async ValueTask DisposeAsync()
    {
        await StopExperienceAsync();
        await Process.DisposeAsync();
        await Erp.DisposeAsync();
        SqliteFolder.Delete(_sqliteFolder);
    }
}
