using System.Collections.Concurrent;

namespace IntegrationGateway.Gateway.Tests.Soak;

/// <summary>Checks invariant 1 on every ERP balance row while the soak runs, from the store itself, twice a second.</summary>
public sealed class InvariantWatch(ErpStoreReader erp)
{
    private readonly ConcurrentQueue<string> _violations = new();
    private int _checks;

    public int Checks => Volatile.Read(ref _checks);

    public IReadOnlyCollection<string> Violations => _violations;

    public async Task RunAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(SoakLimits.CheckEvery);
        try
        {
            do
            {
                await CheckAsync();
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over; the final check follows.
        }
    }

    public async Task CheckAsync()
    {
        foreach (var violation in BalanceInvariants.NoOversell(await erp.BalancesAsync()))
        {
            _violations.Enqueue($"[check {Checks + 1}] {violation}");
        }
        Interlocked.Increment(ref _checks);
    }
}
