using IntegrationGateway.ExperienceApis;
using IntegrationGateway.Gateway;
using IntegrationGateway.ProcessApis;
using IntegrationGateway.SystemApis;

namespace IntegrationGateway.TestSupport.Hosting;

/// <summary>
/// The whole product for a test: ERP system API, inventory process API, storefront API and the gateway,
/// each on its own port, wired to one another the way the app host wires them.
/// </summary>
public sealed class Stack : IAsyncDisposable
{
    private readonly string? _sqliteFolder;

    private Stack(string? sqliteFolder, ServiceHost<SystemApisEntryPoint> erp, ServiceHost<ProcessApisEntryPoint> process,
        ServiceHost<ExperienceApisEntryPoint> storefront, ServiceHost<GatewayEntryPoint> gateway)
    {
        _sqliteFolder = sqliteFolder;
        Erp = erp;
        Process = process;
        Storefront = storefront;
        Gateway = gateway;
    }

    public ServiceHost<SystemApisEntryPoint> Erp { get; }
    public ServiceHost<ProcessApisEntryPoint> Process { get; }
    public ServiceHost<ExperienceApisEntryPoint> Storefront { get; }
    public ServiceHost<GatewayEntryPoint> Gateway { get; }

    public static Stack Start(StackOptions? options = null)
    {
        options ??= new StackOptions();
        var folder = options.Postgres is null ? Directory.CreateTempSubdirectory("ig-stack-").FullName : null;
        (string Provider, string Erp, string Process) storage = options.Postgres is { } pg
            ? ("Postgres", pg.Erp, pg.Process)
            : ("Sqlite", $"Data Source={Path.Combine(folder!, "erp.db")}", $"Data Source={Path.Combine(folder!, "process.db")}");

        var erp = new ServiceHost<SystemApisEntryPoint>(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = storage.Provider,
            ["Storage:ConnectionString"] = storage.Erp,
            ["Erp:SeedDemoCatalogue"] = "false",
        }, options.ErpServices).Start();
        var process = new ServiceHost<ProcessApisEntryPoint>(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = storage.Provider,
            ["Storage:ConnectionString"] = storage.Process,
            ["Downstream:Erp"] = erp.Address.ToString(),
            // The WMS system API runs in the system host beside the ERP, as in the app host.
            ["Downstream:Wms"] = erp.Address.ToString(),
        }.WithTransport(options), options.ProcessServices).Start();
        var experienceSettings = new Dictionary<string, string?>
        {
            ["Downstream:Process"] = process.Address.ToString(),
        }.WithTransport(options);
        foreach (var (key, value) in options.ExperienceSettings)
        {
            experienceSettings[key] = value;
        }
        var storefront = new ServiceHost<ExperienceApisEntryPoint>(experienceSettings, options.ExperienceServices).Start();
        var gatewaySettings = new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:experience:Destinations:primary:Address"] = storefront.Address.ToString(),
            ["ReverseProxy:Clusters:process:Destinations:primary:Address"] = process.Address.ToString(),
            ["ReverseProxy:Clusters:system:Destinations:primary:Address"] = erp.Address.ToString(),
            // Tests place hundreds of orders from a few clients; the throttling test sets its own limits.
            ["RateLimits:storefront-write:TokenLimit"] = "10000",
            ["RateLimits:storefront-read:TokenLimit"] = "10000",
            ["RateLimits:marketplace-read:TokenLimit"] = "10000",
            ["RateLimits:marketplace-write:TokenLimit"] = "10000",
            ["RateLimits:b2b-read:TokenLimit"] = "10000",
            ["RateLimits:b2b-write:TokenLimit"] = "10000",
            ["RateLimits:internal:TokenLimit"] = "10000",
        };
        foreach (var (key, value) in options.GatewaySettings)
        {
            gatewaySettings[key] = value;
        }
        var gateway = new ServiceHost<GatewayEntryPoint>(gatewaySettings).Start();
        var stack = new Stack(folder, erp, process, storefront, gateway) { OverNats = options.NatsUrl is not null };
        storefront.BeforeAvailabilityRead = gateway.BeforeAvailabilityRead = stack.SettleAsync;
        return stack;
    }

    /// <summary>The stack's events transport: the HTTP feed unless the options name a NATS broker.</summary>
    public bool OverNats { get; private init; }

    /// <summary>Waits until every change made so far has reached the channels' read models.</summary>
    public Task SettleAsync() => Propagation.SettleAsync(this);

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Storefront.DisposeAsync();
        await Process.DisposeAsync();
        await Erp.DisposeAsync();
        SqliteFolder.Delete(_sqliteFolder);
    }
}

internal static class TransportSettings
{
    public static Dictionary<string, string?> WithTransport(this Dictionary<string, string?> settings, StackOptions options)
    {
        if (options.NatsUrl is { } url)
        {
            settings["Events:Transport"] = "nats";
            settings["Events:Nats:Url"] = url;
        }
        return settings;
    }
}
