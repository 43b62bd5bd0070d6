using IntegrationGateway.Contracts.Erp;

namespace IntegrationGateway.ProcessApis.Sourcing;

/// <summary>
/// The ERP's stocking locations, kept for a short while. Locations are master data that changes a few times a
/// year, yet every availability read and order needs them: asking once per interval saves an HTTP hop on the hot
/// path, and a new location is sourced from at most <see cref="Freshness"/> after the ERP has it.
/// </summary>
public sealed class LocationDirectory(TimeProvider time)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    private volatile Snapshot? _current;

    public async Task<IReadOnlyList<Location>> GetAsync(IErpClient erp, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_current is { } cached && now - cached.FetchedAt < Freshness)
        {
            return cached.Locations;
        }
        // Concurrent misses may each ask the ERP once; the answers are the same, so the last one simply wins.
        var locations = ErpAnswers.Content(await erp.ListLocationsAsync(cancellationToken)).ToList();
        _current = new Snapshot(locations, now);
        return locations;
    }

    private sealed record Snapshot(IReadOnlyList<Location> Locations, DateTimeOffset FetchedAt);
}
