using IntegrationGateway.ExperienceApis;
using IntegrationGateway.ProcessApis;
using IntegrationGateway.SystemApis;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationGateway.TestSupport.Hosting;

/// <summary>
/// Several instances of each service, as DESIGN.md scales out: system hosts sharing the ERP database, process hosts
/// sharing the process database, and experience hosts each keeping read models of its own. Each instance listens at
/// its own address; process instance i calls system instance i, and experience instance i follows process instance i,
/// so every pair of neighbours is a different connection. Instances of a service start one after another, so the
/// first applies the schema and the others find it.
/// </summary>
public sealed class ScaledOutStack : IAsyncDisposable
{
    private ScaledOutStack(IReadOnlyList<ServiceHost<SystemApisEntryPoint>> erps, IReadOnlyList<ServiceHost<ProcessApisEntryPoint>> processes,
        IReadOnlyList<ServiceHost<ExperienceApisEntryPoint>> experiences, bool overNats)
    {
        Erps = erps;
        Processes = processes;
        Experiences = experiences;
        OverNats = overNats;
    }

    public IReadOnlyList<ServiceHost<SystemApisEntryPoint>> Erps { get; }
    public IReadOnlyList<ServiceHost<ProcessApisEntryPoint>> Processes { get; }
    public IReadOnlyList<ServiceHost<ExperienceApisEntryPoint>> Experiences { get; }
    public bool OverNats { get; }

    /// <summary>
    /// Starts <paramref name="instances"/> of each service on the two PostgreSQL databases; <paramref name="processServices"/>
    /// is laid over process instance n (for example a step hook of its own).
    /// </summary>
    public static ScaledOutStack Start((string Erp, string Process) postgres, int instances = 2, string? natsUrl = null,
        Action<int, IServiceCollection>? processServices = null)
    {
        var options = new StackOptions { Postgres = postgres, NatsUrl = natsUrl };
        var erps = Enumerable.Range(0, instances).Select(_ => new ServiceHost<SystemApisEntryPoint>(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = postgres.Erp,
            ["Erp:SeedDemoCatalogue"] = "false",
        }).Start()).ToList();
        var processes = erps.Select((erp, n) => new ServiceHost<ProcessApisEntryPoint>(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = postgres.Process,
            ["Downstream:Erp"] = erp.Address.ToString(),
            ["Downstream:Wms"] = erp.Address.ToString(),
        }.WithTransport(options), services => processServices?.Invoke(n, services)).Start()).ToList();
        var experiences = processes.Select(process => new ServiceHost<ExperienceApisEntryPoint>(new Dictionary<string, string?>
        {
            ["Downstream:Process"] = process.Address.ToString(),
        }.WithTransport(options)).Start()).ToList();
        return new ScaledOutStack(erps, processes, experiences, natsUrl is not null);
    }

    /// <summary>Waits until every change made so far, through any instance, has reached every experience instance's read models.</summary>
    public Task SettleAsync() => Propagation.SettleAsync(Erps[0], Processes[0], Experiences, OverNats);

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Experiences.Reverse())
        {
            await host.DisposeAsync();
        }
        foreach (var host in Processes.Reverse())
        {
            await host.DisposeAsync();
        }
        foreach (var host in Erps.Reverse())
        {
            await host.DisposeAsync();
        }
    }
}
