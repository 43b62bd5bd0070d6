using IntegrationGateway.ProcessApis.Background;
using Microsoft.Extensions.Options;

namespace IntegrationGateway.ProcessApis.Holds;

/// <summary>
/// Releases expired holds at the ERP and marks them released. Availability already counts an expired hold as free
/// at read time, so a late sweep only delays when orders may take those units, never what channels are told.
/// </summary>
public sealed class HoldSweeper(IServiceScopeFactory scopes, HoldClock clock, IOptions<HoldOptions> options, ILogger<HoldSweeper> logger)
    : PeriodicPass(clock.Time, logger)
{
    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override string Name => "Hold sweep";

    protected override Task RunPassAsync(CancellationToken cancellationToken) => SweepAsync(cancellationToken);

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var holds = scope.ServiceProvider.GetRequiredService<HoldStore>();
        var carts = scope.ServiceProvider.GetRequiredService<CartHolding>();
        foreach (var reference in await holds.ListToSweepAsync(cancellationToken))
        {
            // Only expired rows are taken, so a cart that is confirming or extending its live holds is never raced.
            await holds.ClaimExpiredAsync(reference, cancellationToken);
            await carts.ReleaseReferenceAsync(reference, HoldStates.Releasing, cancellationToken);
        }
    }
}
