using IntegrationGateway.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authorization;

namespace IntegrationGateway.Gateway.Security;

/// <summary>Route policies named in the proxy configuration; internal APIs admit only the admin scope.</summary>
public static class GatewayPolicies
{
    public const string ChannelRead = "channel-read";
    public const string ChannelWrite = "channel-write";
    public const string ChannelWebhooks = "channel-webhooks";
    public const string ChannelBound = Policies.ChannelBound;
    public const string Internal = Policies.Admin;

    /// <summary>
    /// Channel routes admit a token bound to some channel with the scope the route needs. Channels are data in the
    /// process API, so which types a route admits (storefront, marketplace) is checked by the experience API behind it.
    /// </summary>
    public static IServiceCollection AddGatewayPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(ChannelRead, p => p.RequireAuthenticatedUser()
                .RequireAssertion(c => c.User.Channel() is not null && c.User.HasAnyScope(Scopes.AvailabilityRead)))
            .AddPolicy(ChannelWrite, p => p.RequireAuthenticatedUser()
                .RequireAssertion(c => c.User.Channel() is not null && c.User.HasAnyScope(Scopes.OrdersWrite)))
            .AddPolicy(ChannelWebhooks, p => p.RequireAuthenticatedUser()
                .RequireAssertion(c => c.User.Channel() is not null && c.User.HasAnyScope(Scopes.WebhooksManage)));
        return services;
    }
}
