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
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentationIfPresent().AddMeter(ProductMeters))
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

    private static MeterProviderBuilder AddRuntimeInstrumentationIfPresent(this MeterProviderBuilder metrics) =>
        metrics.AddMeter("System.Runtime");
}
