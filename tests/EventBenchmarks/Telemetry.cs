using System.Net;

namespace IntegrationGateway.EventBenchmarks;

/// <summary>
/// Telemetry as shipped: the services always instrument; under the app host they export over OTLP to the dashboard
/// with the settings Aspire gives a project resource. Here they export to a sink that takes every batch and answers
/// an empty success (OTLP over HTTP/protobuf rather than the dashboard's gRPC, so the sink stays a few lines).
/// </summary>
public static class Telemetry
{
    public static Dictionary<string, string> Environment(string serviceName, Uri sink) => new()
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = sink.ToString().TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_SERVICE_NAME"] = serviceName,
        ["OTEL_TRACES_SAMPLER"] = "always_on",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "1000",
        ["OTEL_BLRP_SCHEDULE_DELAY"] = "1000",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
        ["OTEL_METRICS_EXEMPLAR_FILTER"] = "trace_based",
        ["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES"] = "true",
        ["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES"] = "true",
        ["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"] = "in_memory",
    };

    /// <summary>An OTLP/HTTP receiver that keeps nothing: counts the bytes it was sent per signal.</summary>
    public sealed class Sink : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private long _bytes;

        private Sink(WebApplication app) => _app = app;

        public Uri Address { get; private set; } = null!;

        public long Bytes => Interlocked.Read(ref _bytes);

        public static async Task<Sink> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var sink = new Sink(app);
            app.MapPost("/v1/{signal}", async (HttpContext context) =>
            {
                var buffer = new byte[16 * 1024];
                int read;
                while ((read = await context.Request.Body.ReadAsync(buffer)) > 0)
                {
                    Interlocked.Add(ref sink._bytes, read);
                }
                // An empty Export*ServiceResponse is zero bytes of protobuf.
                context.Response.ContentType = "application/x-protobuf";
            });
            await app.StartAsync();
            sink.Address = new Uri(app.Urls.First());
            return sink;
        }

        public ValueTask DisposeAsync() => _app.DisposeAsync();
    }
}
