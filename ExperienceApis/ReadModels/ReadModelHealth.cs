using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace IntegrationGateway.ExperienceApis.ReadModels;

/// <summary>
/// Readiness says when a channel's view has grown older than the limit, or the feed has not been heard for as long:
/// reads still answer, with old figures. The data gives each channel's staleness and lag, as the metrics do.
/// </summary>
public sealed class ReadModelHealth(AvailabilityReadModel model, IOptions<ReadModelOptions> options, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var limit = options.Value.StaleAfter;
        var views = model.Views.OrderBy(v => v.Channel, StringComparer.Ordinal).ToList();
        var staleness = views.ToDictionary(v => v.Channel, v => Math.Round(model.Staleness(v).TotalSeconds, 1), StringComparer.Ordinal);
        var data = new Dictionary<string, object>
        {
            ["channels"] = model.Channels.Count(),
            ["lastContact"] = model.LastContact?.ToString("O") ?? "never",
            ["lastApplied"] = model.LastApplied?.ToString("O") ?? "never",
            ["staleAfterSeconds"] = limit.TotalSeconds,
            ["stalenessSeconds"] = staleness,
            ["lagEvents"] = views.ToDictionary(v => v.Channel, model.Lag, StringComparer.Ordinal),
        };
        var stale = staleness.Where(s => s.Value > limit.TotalSeconds).Select(s => $"{s.Key} ({s.Value.ToString("0", CultureInfo.InvariantCulture)} s)").ToList();
        if (stale.Count > 0)
        {
            return Task.FromResult(HealthCheckResult.Degraded($"Views older than {limit.TotalSeconds:0} s: {string.Join(", ", stale)}; reads answer older figures.", data: data));
        }
        if (model.LastContact is { } contact && time.GetUtcNow() - contact > limit)
        {
            return Task.FromResult(HealthCheckResult.Degraded($"No word from the process API's events for {(time.GetUtcNow() - contact).TotalSeconds:0} s; reads answer older figures.", data: data));
        }
        return Task.FromResult(HealthCheckResult.Healthy("Read models follow the process API's events.", data));
    }
}
