namespace IntegrationGateway.EventBenchmarks;

/// <summary>
/// The product as the app host runs it, without the app host: ERP/WMS system API, process API, experience API and
/// gateway, each its own process on a loopback port, given the settings AppHost/Program.cs gives it (Development, as
/// the launch profiles say; the shipped rate limits; OpenTelemetry exporting over OTLP to a local sink, as to the dashboard).
/// </summary>
public sealed class LocalStack : IAsyncDisposable
{
    private readonly List<ServiceProcess> _processes = [];
    private readonly string? _sqliteFolder;

    private LocalStack(string? sqliteFolder) => _sqliteFolder = sqliteFolder;

    public ServiceProcess Erp => _processes[0];
    public ServiceProcess Process => _processes[1];
    public ServiceProcess Experience => _processes[2];
    public ServiceProcess Gateway => _processes[3];

    /// <summary>
    /// Starts the stack on SQLite files in a new folder, or on the two PostgreSQL databases given; events pass over
    /// HTTP, or through the NATS broker at <paramref name="nats"/> (as `AppHost -- --nats` sets it up).
    /// </summary>
    public static async Task<LocalStack> StartAsync(Published published, Uri telemetrySink, string logFolder, (string Erp, string Process)? postgres, string? nats = null)
    {
        var folder = postgres is null ? Directory.CreateTempSubdirectory("ig-event-bench-").FullName : null;
        var (provider, erpStore, processStore) = postgres is { } pg
            ? ("Postgres", pg.Erp, pg.Process)
            : ("Sqlite", $"Data Source={Path.Combine(folder!, "erp.db")}", $"Data Source={Path.Combine(folder!, "process.db")}");
        var stack = new LocalStack(folder);
        try
        {
            var erp = stack.Start(published, "SystemApis", "system-erp", telemetrySink, logFolder, new Dictionary<string, string>
            {
                ["Storage__Provider"] = provider,
                ["Storage__ConnectionString"] = erpStore,
                ["Erp__SeedDemoCatalogue"] = "true",
            });
            await erp.WaitHealthyAsync();
            var process = stack.Start(published, "ProcessApis", "process-inventory", telemetrySink, logFolder, new Dictionary<string, string>
            {
                ["Storage__Provider"] = provider,
                ["Storage__ConnectionString"] = processStore,
                ["Downstream__Erp"] = erp.Address.ToString(),
                ["Downstream__Wms"] = erp.Address.ToString(),
            }.WithEvents(nats));
            await process.WaitHealthyAsync();
            var experience = stack.Start(published, "ExperienceApis", "experience-storefront", telemetrySink, logFolder, new Dictionary<string, string>
            {
                ["Downstream__Process"] = process.Address.ToString(),
            }.WithEvents(nats));
            await experience.WaitHealthyAsync();
            var gateway = stack.Start(published, "Gateway", "gateway", telemetrySink, logFolder, new Dictionary<string, string>
            {
                ["ReverseProxy__Clusters__experience__Destinations__primary__Address"] = experience.Address.ToString(),
                ["ReverseProxy__Clusters__process__Destinations__primary__Address"] = process.Address.ToString(),
                ["ReverseProxy__Clusters__system__Destinations__primary__Address"] = erp.Address.ToString(),
            });
            await gateway.WaitHealthyAsync();
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    private ServiceProcess Start(Published published, string service, string resourceName, Uri telemetrySink, string logFolder, Dictionary<string, string> settings)
    {
        foreach (var (key, value) in Telemetry.Environment(resourceName, telemetrySink))
        {
            settings[key] = value;
        }
        // What the projects' launch profiles (used by the app host) set.
        settings["ASPNETCORE_ENVIRONMENT"] = "Development";
        settings["DOTNET_ENVIRONMENT"] = "Development";
        var process = ServiceProcess.Start(resourceName, "dotnet", [published.Dll(service)], published.Folder(service), settings, logFolder);
        _processes.Add(process);
        return process;
    }

    public IEnumerable<ServiceProcess> All => _processes;

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes))
        {
            await process.DisposeAsync();
        }
        if (_sqliteFolder is not null)
        {
            Directory.Delete(_sqliteFolder, recursive: true);
        }
    }
}

internal static class EventSettings
{
    /// <summary>The transport settings AppHost/NatsBroker.cs gives the process and experience APIs.</summary>
    public static Dictionary<string, string> WithEvents(this Dictionary<string, string> settings, string? nats)
    {
        if (nats is not null)
        {
            settings["Events__Transport"] = "nats";
            settings["Events__Nats__Url"] = nats;
        }
        return settings;
    }
}
