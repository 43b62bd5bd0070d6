using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Problems;

namespace IntegrationGateway.Gateway.RateLimiting;

public static class RateLimitingExtensions
{
    /// <summary>The route policies the proxy configuration may name; each is a per-client token bucket.</summary>
    public static readonly string[] PolicyNames = ["storefront-read", "storefront-write", "marketplace-read", "marketplace-write", "b2b-read", "b2b-write", "internal"];

    /// <summary>
    /// Per-client token buckets keyed on the token's client id, one set per route policy, with limits from
    /// "RateLimits:{policy}". A refusal is a 429 problem with Retry-After; authentication runs first, so an
    /// anonymous caller never spends a client's permits.
    /// </summary>
    public static IServiceCollection AddClientRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        // Configured from IConfiguration when the limiter is built, so every configuration source applies.
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            foreach (var name in PolicyNames)
            {
                var limit = configuration.GetSection($"RateLimits:{name}").Get<RateLimitOptions>() ?? new RateLimitOptions();
                if (limit.TokenLimit < 1 || limit.TokensPerPeriod < 1 || limit.PeriodSeconds <= 0)
                {
                    throw new InvalidOperationException($"RateLimits:{name} needs a positive TokenLimit, TokensPerPeriod and PeriodSeconds.");
                }
                options.AddPolicy(name, context => RateLimitPartition.GetTokenBucketLimiter(
                    context.User.ClientId() ?? "anonymous:" + context.Connection.RemoteIpAddress,
                    _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = limit.TokenLimit,
                        TokensPerPeriod = limit.TokensPerPeriod,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(limit.PeriodSeconds),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
            }
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await Problem.Result(429, ProblemTypes.RateLimited, "Too many requests.",
            $"This client exceeded its request rate for this route; retry after {retryAfter} s.").ExecuteAsync(context.HttpContext);
    }
}
