using Microsoft.Extensions.Configuration;
using IntegrationGateway.ServiceDefaults.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Refit;

namespace IntegrationGateway.ServiceDefaults.Downstream;

public static class DownstreamClientExtensions
{
    /// <summary>
    /// Registers the generated Refit client of the next layer at the address in "Downstream:{name}", with the
    /// caller's token forwarded and one resilience design: a total timeout, retries only for calls that are
    /// safe to repeat (GET, or carrying an Idempotency-Key), a circuit breaker, and a per-attempt timeout.
    /// </summary>
    public static IHttpClientBuilder AddDownstreamClient<TClient>(this IHostApplicationBuilder builder, string name, DownstreamRetry retry)
        where TClient : class
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddTransient<ForwardCallerHeadersHandler>();
        builder.Services.TryAddSingleton<ServiceTokens>();

        // One settings object for the client's life: Refit's default makes new settings, and with them new JSON
        // serializer options, every time the client is resolved, so each request rebuilt its JSON metadata (a
        // lock and a few percent of the experience API's CPU in a profile of storefront reads).
        var settings = new RefitSettings();
        var http = builder.Services.AddRefitGeneratedClient<TClient>(settings)
            .ConfigureHttpClient((services, c) =>
            {
                // Read when the client is made, not at registration, so every configuration source has been applied.
                var address = services.GetRequiredService<IConfiguration>()[$"Downstream:{name}"]
                    ?? throw new InvalidOperationException($"Downstream:{name} is not configured: the base address of the {name} API.");
                c.BaseAddress = new Uri(address);
                // The resilience pipeline owns timeouts.
                c.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler<ForwardCallerHeadersHandler>();

        http.AddResilienceHandler(name, pipeline =>
        {
            pipeline.AddTimeout(retry.TotalTimeout);
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromMilliseconds(200),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(RetryPolicy.ShouldRetry(args.Context.GetRequestMessage(), args.Outcome, retry)),
            });
            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromSeconds(10),
                BreakDuration = TimeSpan.FromSeconds(5),
            });
            pipeline.AddTimeout(retry.AttemptTimeout);
        });
        return http;
    }
}
