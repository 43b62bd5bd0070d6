using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IntegrationGateway.ExperienceApis.ReadModels;

/// <summary>Readiness says when the read models have not heard from the process API for a while: reads still answer, with old figures.</summary>
public sealed class ReadModelHealth(AvailabilityReadModel model, TimeProvider time) : IHealthCheck
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(60);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["channels"] = model.Channels.Count(),
            ["lastContact"] = model.LastContact?.ToString("O") ?? "never",
            ["lastApplied"] = model.LastApplied?.ToString("O") ?? "never",
        };
        if (model.LastContact is { } contact && time.GetUtcNow() - contact > StaleAfter)
        {
            return Task.FromResult(HealthCheckResult.Degraded($"No word from the process API's events for {(time.GetUtcNow() - contact).TotalSeconds:0} s; reads answer older figures.", data: data));
        }
        return Task.FromResult(HealthCheckResult.Healthy("Read models follow the process API's events.", data));
    }
}
