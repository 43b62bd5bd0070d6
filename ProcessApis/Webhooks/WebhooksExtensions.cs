using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IntegrationGateway.ProcessApis.Webhooks;

public static class WebhooksExtensions
{
    /// <summary>Subscriptions, the outbox fan-out and the delivery worker, on the "Webhooks" options.</summary>
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<WebhookOptions>().Bind(builder.Configuration.GetSection(WebhookOptions.Section))
            // Local receivers are private addresses; only Development lets them in unless configured.
            .PostConfigure(o => o.AllowPrivateTargets ??= development)
            .Validate(o => o.IsValid(), "Webhooks needs a retry schedule of positive steps, a Jitter of 0 to 1, and positive DisableAfter, AttemptTimeout, MaxRetryAfter, PollInterval, Parallelism and BatchSize.")
            .ValidateOnStart();
        // Retry and disable time has its own clock, so tests can move days on without moving the HTTP pipelines' time.
        builder.Services.TryAddSingleton(sp => new WebhookClock(sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<SubscriptionStore>();
        builder.Services.AddSingleton<WebhookReplays>();
        builder.Services.AddSingleton<DeliveryLog>();
        builder.Services.AddSingleton<DeliveryQueue>();
        builder.Services.AddSingleton<OutboxFanOut>();
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddHttpClient(WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookSender.Handler(sp.GetRequiredService<IOptions<WebhookOptions>>()))
            // The attempt timeout is the sender's; the client's own would answer with a different exception.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.Services.AddSingleton<DeliveryWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeliveryWorker>());
        return builder;
    }

    public static RouteGroupBuilder MapWebhooks(this RouteGroupBuilder process) => process.MapWebhookEndpoints();
}
