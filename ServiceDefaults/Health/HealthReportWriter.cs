using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IntegrationGateway.ServiceDefaults.Health;

/// <summary>
/// /health answers its status as before (200 for healthy and degraded, 503 for unhealthy) with each check's status,
/// description and data as JSON, so an operator sees why a service is degraded (the read models' staleness per
/// channel, for one) rather than a bare word.
/// </summary>
public static class HealthReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data,
            }),
        }, Json, context.RequestAborted);
    }
}
