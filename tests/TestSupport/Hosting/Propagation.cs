using Dapper;
using IntegrationGateway.ExperienceApis;
using IntegrationGateway.ExperienceApis.ReadModels;
using IntegrationGateway.ExperienceApis.ReadModels.Nats;
using IntegrationGateway.ProcessApis;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.SystemApis;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationGateway.TestSupport.Hosting;

/// <summary>
/// Availability reaches the channels by events, within milliseconds of a change but not in the same instant. A test
/// that asserts what a channel reads right after a change first waits here until every event has travelled: the
/// process API has consumed the ERP's stock events, published every marked figure, and the experience API has
/// applied every published event. The propagation time itself is measured by the benchmarks, never asserted.
/// </summary>
public static class Propagation
{
    public static readonly TimeSpan Within = TimeSpan.FromSeconds(15);

    public static Task SettleAsync(Stack stack) => SettleAsync(stack.Erp, stack.Process, [stack.Storefront], stack.OverNats);

    /// <summary>
    /// The same for any number of instances: the stores are shared, so one ERP and one process host stand for all of
    /// theirs, and every experience instance (each with its own read models) must have applied every published event.
    /// </summary>
    public static async Task SettleAsync(ServiceHost<SystemApisEntryPoint> erp, ServiceHost<ProcessApisEntryPoint> process,
        IReadOnlyList<ServiceHost<ExperienceApisEntryPoint>> experiences, bool overNats = false)
    {
        var deadline = DateTimeOffset.UtcNow + Within;
        while (await StateAsync(erp, process, experiences, overNats) is { Settled: false } state)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Events did not reach the read models within {Within.TotalSeconds} s: {state}.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(5));
        }
    }

    private sealed record State(long ErpHead, long Consumed, long Marks, long Published, IReadOnlyList<long> Reached)
    {
        public bool Settled => Consumed >= ErpHead && Marks == 0 && Reached.All(r => r >= Published);

        public override string ToString() =>
            $"ERP stock events up to {ErpHead}, consumed up to {Consumed}; {Marks} marks left; published up to {Published}, read models at {string.Join(", ", Reached)}";
    }

    private static async Task<State> StateAsync(ServiceHost<SystemApisEntryPoint> erpHost, ServiceHost<ProcessApisEntryPoint> processHost,
        IReadOnlyList<ServiceHost<ExperienceApisEntryPoint>> experiences, bool overNats)
    {
        await using var erp = await erpHost.Services.GetRequiredService<Database>().OpenAsync(CancellationToken.None);
        var erpHead = await erp.ExecuteScalarAsync<long?>("SELECT MAX(position) FROM stock_events") ?? 0;
        await using var process = await processHost.Services.GetRequiredService<Database>().OpenAsync(CancellationToken.None);
        var consumed = await process.ExecuteScalarAsync<long?>("SELECT position FROM consumer_cursors WHERE consumer = 'erp-stock-events'") ?? 0;
        var marks = await process.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM availability_marks");
        var published = await process.ExecuteScalarAsync<long?>("SELECT MAX(position) FROM outbox_events WHERE type = 'inventory.availability.changed'") ?? 0;
        return new State(erpHead, consumed, marks, published, experiences.Select(experience => FeedPosition(experience, overNats)).ToList());
    }

    private static long FeedPosition(ServiceHost<ExperienceApisEntryPoint> experience, bool overNats) => overNats
        ? experience.Services.GetRequiredService<NatsReadModelFeeder>().Position
        : experience.Services.GetRequiredService<ReadModelFeeder>().Position;
}
