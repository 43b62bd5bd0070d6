using IntegrationGateway.ProcessApis.Backorders;
using IntegrationGateway.ProcessApis.Fulfilment;
using IntegrationGateway.ProcessApis.Holds;
using IntegrationGateway.ProcessApis.OrderBook;
using IntegrationGateway.ProcessApis.Orders;
using IntegrationGateway.ProcessApis.Steps;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationGateway.ProcessApis.Tests;

/// <summary>
/// A stack whose process host the tests stop mid-step and start again. Background passes stay quiet (tests run
/// recovery by hand, once the host is back), anything mid-way counts as stranded at once, and order leases run on a
/// clock the tests move, so a lease a crashed request held can be let lapse without waiting for it.
/// </summary>
public abstract class CrashStackFixture : IAsyncLifetime
{
    public StepGate Gate { get; } = new();

    public ShiftedClock LeaseClock { get; } = new();

    public RestartableStack Stack { get; private set; } = null!;

    protected abstract Task<(string Erp, string Process)?> StoresAsync();

    public async Task InitializeAsync() => Stack = RestartableStack.Start(await StoresAsync(), services =>
    {
        services.AddSingleton<IStepHook>(Gate);
        services.AddSingleton(sp => new OrderLeases(sp.GetRequiredService<Database>(), LeaseClock));
        services.Configure<OrderRecoveryOptions>(o => (o.StrandedAfter, o.Interval) = (TimeSpan.Zero, TimeSpan.FromDays(1)));
        services.Configure<HoldOptions>(o => o.SweepInterval = TimeSpan.FromDays(1));
        services.Configure<BackorderOptions>(o => o.FillInterval = TimeSpan.FromDays(1));
        services.Configure<FulfilmentOptions>(o => o.ShortSweepInterval = TimeSpan.FromDays(1));
    });

    public virtual async Task DisposeAsync()
    {
        if (Stack is not null)
        {
            await Stack.DisposeAsync();
        }
    }
}

public sealed class CrashStackOnSqliteFixture : CrashStackFixture
{
    protected override Task<(string Erp, string Process)?> StoresAsync() => Task.FromResult<(string, string)?>(null);
}

public sealed class CrashStackOnPostgresFixture : CrashStackFixture
{
    private PostgresCluster? _cluster;

    protected override async Task<(string Erp, string Process)?> StoresAsync()
    {
        _cluster = await PostgresCluster.StartAsync();
        return (await _cluster.CreateDatabaseAsync(), await _cluster.CreateDatabaseAsync());
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
