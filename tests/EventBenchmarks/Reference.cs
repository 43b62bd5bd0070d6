using System.Text.Json;
using System.Threading.RateLimiting;
using IntegrationGateway.ServiceDefaults.Auth;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Yarp.ReverseProxy.Configuration;

namespace IntegrationGateway.EventBenchmarks;

/// <summary>
/// The reference a read is compared with, as two processes of this executable: a bare YARP proxy (JWT validation,
/// a channel-and-scope check, a per-client token bucket with the gateway's shipped storefront-read limits) in front of
/// a minimal endpoint that validates the same token again and answers a captured storefront answer from memory,
/// byte for byte with its headers. No telemetry, no problem-details pipeline, no versioning, no read model, and every
/// token validated in full.
/// </summary>
public static class Reference
{
    public const string ProxyMode = "reference-proxy";
    public const string EndpointMode = "reference-endpoint";
    public const string Route = "/storefront/v2/availability/{sku}";

    /// <summary>A captured answer: the body and the headers worth repeating (not Date, Server or framing).</summary>
    public sealed record Answer(byte[] Body, Dictionary<string, string> Headers);

    public static bool IsMode(string[] args) => args.Length > 0 && (args[0] == ProxyMode || args[0] == EndpointMode);

    public static Task RunAsync(string[] args) => args[0] == ProxyMode ? RunProxyAsync(args) : RunEndpointAsync(args);

    public static async Task<Answer> CaptureAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key is not ("Date" or "Server" or "Content-Length" or "Transfer-Encoding"))
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value));
        return new Answer(await response.Content.ReadAsByteArrayAsync(), headers);
    }

    private static WebApplicationBuilder Builder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args.Skip(1).ToArray());
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning).AddFilter("Yarp", LogLevel.Warning);
        builder.Services.AddProblemDetails();
        // The product's token validation (issuer, audience, lifetime, HS256 signature with the dev key in Development),
        // in full on every request as plain JWT bearer validation does: the product's remembering of accepted tokens
        // is one of the things measured against this reference, not part of it.
        builder.Configuration.AddInMemoryCollection([new("Auth:RememberTokens", "false")]);
        builder.AddTokenAuthentication();
        return builder;
    }

    private static async Task RunEndpointAsync(string[] args)
    {
        var builder = Builder(args);
        var app = builder.Build();
        var answer = JsonSerializer.Deserialize<Answer>(await File.ReadAllBytesAsync(builder.Configuration["Answer"]!))!;
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/health", () => "ok");
        app.MapGet(Route, (HttpContext context) =>
        {
            foreach (var (name, value) in answer.Headers)
            {
                context.Response.Headers[name] = value;
            }
            context.Response.ContentLength = answer.Body.Length;
            return context.Response.Body.WriteAsync(answer.Body).AsTask();
        }).RequireAuthorization(Policies.ChannelBound, Policies.ReadAvailability);
        await app.RunAsync();
    }

    private static async Task RunProxyAsync(string[] args)
    {
        var builder = Builder(args);
        builder.Services.AddAuthorizationBuilder().AddPolicy("channel-read", p => p.RequireAuthenticatedUser()
            .RequireAssertion(c => c.User.Channel() is not null && c.User.HasAnyScope(Scopes.AvailabilityRead)));
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy("storefront-read", context => RateLimitPartition.GetTokenBucketLimiter(
                context.User.ClientId() ?? "anonymous",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = 200,
                    TokensPerPeriod = 100,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        });
        var target = builder.Configuration["Target"]!;
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig
            {
                RouteId = "availability", ClusterId = "endpoint", AuthorizationPolicy = "channel-read", RateLimiterPolicy = "storefront-read",
                Match = new RouteMatch { Path = "/storefront/{version}/availability/{**rest}" },
            }],
            [new ClusterConfig { ClusterId = "endpoint", Destinations = new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = target } } }]);
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapGet("/health", () => "ok");
        app.MapReverseProxy();
        await app.RunAsync();
    }
}
