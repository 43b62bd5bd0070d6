using IntegrationGateway.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authorization;

namespace IntegrationGateway.Gateway.Security;

/// <summary>
/// Route policies named in the proxy configuration: a channel's routes admit only tokens bound to that channel
/// with the scope the route needs; internal APIs admit only the admin scope.
/// </summary>
public static class GatewayPolicies
{
    public const string StorefrontRead = "storefront-read";
    public const string StorefrontWrite = "storefront-write";
    public const string StorefrontAny = Policies.StorefrontChannel;
    public const string MarketplaceRead = "marketplace-read";
    public const string MarketplaceWrite = "marketplace-write";
    public const string Internal = Policies.Admin;

    public static IServiceCollection AddGatewayPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(StorefrontRead, p => p.RequireAuthenticatedUser()
                .RequireClaim(Scopes.ChannelClaim, "storefront")
                .RequireAssertion(c => c.User.HasAnyScope(Scopes.AvailabilityRead)))
            .AddPolicy(StorefrontWrite, p => p.RequireAuthenticatedUser()
                .RequireClaim(Scopes.ChannelClaim, "storefront")
                .RequireAssertion(c => c.User.HasAnyScope(Scopes.OrdersWrite)))
            // Any channel id: marketplaces are data in the process API, which the experience API asks for the type.
            .AddPolicy(MarketplaceRead, p => p.RequireAuthenticatedUser()
                .RequireClaim(Scopes.ChannelClaim)
                .RequireAssertion(c => c.User.HasAnyScope(Scopes.AvailabilityRead)))
            .AddPolicy(MarketplaceWrite, p => p.RequireAuthenticatedUser()
                .RequireClaim(Scopes.ChannelClaim)
                .RequireAssertion(c => c.User.HasAnyScope(Scopes.OrdersWrite)));
        return services;
    }
}
