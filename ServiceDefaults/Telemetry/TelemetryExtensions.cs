using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace IntegrationGateway.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>The product's own meters (IntegrationGateway.ReadModels, ...): instruments named ig.*, exported with the rest.</summary>
    public const string ProductMeters = "IntegrationGateway.*";

    /// <summary>Traces, metrics and logs over OpenTelemetry; exported over OTLP when an endpoint is configured (Aspire sets one).</summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });
        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics.AddMeter(FrameworkMeters).AddMeter(ProductMeters))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }
        return builder;
    }

    /// <summary>
    /// The framework's meters worth their cost: server and client request durations, connections, unhandled
    /// exceptions, throttling and the runtime. AddAspNetCoreInstrumentation would add routing, authentication,
    /// authorization and memory-pool meters as well; each is measured on every request, and together they were about
    /// 3% of the gateway's and the experience API's CPU under reads for counts no one here reads (a refused token
    /// already shows as a 401 in the request durations).
    /// </summary>
    public static readonly string[] FrameworkMeters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "System.Net.Http",
        "System.Net.NameResolution",
        "System.Runtime",
    ];
}
