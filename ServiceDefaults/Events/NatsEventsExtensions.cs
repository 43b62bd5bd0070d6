using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace IntegrationGateway.ServiceDefaults.Events;

public static class NatsEventsExtensions
{
    /// <summary>
    /// The "Events" options, and a NATS connection and JetStream context made on first use only: a service on the
    /// HTTP transport never resolves them, so it never needs a broker.
    /// </summary>
    public static IHostApplicationBuilder AddEventsTransportOptions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EventsOptions>()
            .Bind(builder.Configuration.GetSection(EventsOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.Retention > TimeSpan.Zero && o.PruneInterval > TimeSpan.Zero, "Events:Retention and Events:PruneInterval must be positive.")
            .Validate(o => o.Transport != EventTransport.Nats || Uri.TryCreate(o.Nats.Url, UriKind.Absolute, out _), "Events:Nats:Url must be an absolute URL (nats://host:port) when Events:Transport is nats.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new NatsConnection(new NatsOpts
        {
            Url = sp.GetRequiredService<IOptions<EventsOptions>>().Value.Nats.Url,
            Name = builder.Environment.ApplicationName,
            LoggerFactory = sp.GetRequiredService<ILoggerFactory>(),
        }));
        builder.Services.AddSingleton<INatsJSContext>(sp => new NatsJSContext(sp.GetRequiredService<NatsConnection>()));
        return builder;
    }
}
