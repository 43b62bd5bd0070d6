using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.ProcessApis.Idempotency;
using IntegrationGateway.ProcessApis.Sourcing;
using IntegrationGateway.ProcessApis.Background;
using Microsoft.Extensions.Options;

namespace IntegrationGateway.ProcessApis.Fulfilment;

/// <summary>
/// Finds reservations a count took back that nobody re-sourced: counts posted straight to the ERP, or a count request
/// that failed half-way. Each is resolved once (see <see cref="ShortResolver"/>) and then marked at the ERP.
/// </summary>
public sealed class ShortSweeper(IServiceScopeFactory scopes, TimeProvider time, IOptions<FulfilmentOptions> options, ILogger<ShortSweeper> logger)
    : PeriodicPass(time, logger)
{
    protected override TimeSpan Interval => options.Value.ShortSweepInterval;

    protected override string Name => "Short reservation sweep";

    protected override Task RunPassAsync(CancellationToken cancellationToken) => SweepAsync(cancellationToken);

    /// <summary>One pass; the number of short reservations resolved and marked.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var erp = scope.ServiceProvider.GetRequiredService<IErpClient>();
        var resolver = scope.ServiceProvider.GetRequiredService<ShortResolver>();
        var resolved = new List<string>();
        foreach (var taken in ErpAnswers.Content(await erp.ListShortReservationsAsync(cancellationToken)))
        {
            if (await resolver.ResolveAsync(taken, cancellationToken) is not null)
            {
                resolved.Add(taken.Id);
            }
        }
        if (resolved.Count > 0)
        {
            ErpAnswers.Content(await erp.ResolveShortReservationsAsync(DerivedKeys.Of([.. resolved.Order(StringComparer.Ordinal).Prepend("short-sweep")]),
                new ShortResolution { Ids = resolved }, cancellationToken));
        }
        return resolved.Count;
    }
}
