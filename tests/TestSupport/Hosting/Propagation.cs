using Dapper;
using IntegrationGateway.ExperienceApis.ReadModels;
using IntegrationGateway.ExperienceApis.ReadModels.Nats;
using IntegrationGateway.ServiceDefaults.Storage;
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

    public static async Task SettleAsync(Stack stack)
    {
        var deadline = DateTimeOffset.UtcNow + Within;
        while (!await SettledAsync(stack))
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Events did not reach the read models within {Within.TotalSeconds} s.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(5));
        }
    }

    private static async Task<bool> SettledAsync(Stack stack)
    {
        await using var erp = await stack.Erp.Services.GetRequiredService<Database>().OpenAsync(CancellationToken.None);
        var erpHead = await erp.ExecuteScalarAsync<long?>("SELECT MAX(position) FROM stock_events") ?? 0;
        await using var process = await stack.Process.Services.GetRequiredService<Database>().OpenAsync(CancellationToken.None);
        var consumed = await process.ExecuteScalarAsync<long?>("SELECT position FROM consumer_cursors WHERE consumer = 'erp-stock-events'") ?? 0;
        if (consumed < erpHead || await process.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM availability_marks") > 0)
        {
            return false;
        }
        var published = await process.ExecuteScalarAsync<long?>("SELECT MAX(position) FROM outbox_events WHERE type = 'inventory.availability.changed'") ?? 0;
        var reached = stack.OverNats
            ? stack.Storefront.Services.GetRequiredService<NatsReadModelFeeder>().Position
            : stack.Storefront.Services.GetRequiredService<ReadModelFeeder>().Position;
        return reached >= published;
    }
}
