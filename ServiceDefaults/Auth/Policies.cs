using Microsoft.AspNetCore.Authorization;

namespace IntegrationGateway.ServiceDefaults.Auth;

/// <summary>Named authorization policies, referenced by gateway routes and by endpoints alike.</summary>
public static class Policies
{
    public const string ReadAvailability = "read-availability";
    public const string WriteOrders = "write-orders";
    public const string Admin = "admin";
    public const string ManageWebhooks = "manage-webhooks";
    /// <summary>A token bound to a channel; which type of channel each API admits is checked against the process API's channels.</summary>
    public const string ChannelBound = "channel-bound";

    /// <summary>Bound to some channel; which channels an API admits is its own check (marketplace APIs ask the process for the type).</summary>
    public const string AnyChannel = "any-channel";

    public static AuthorizationBuilder AddProductPolicies(this AuthorizationBuilder builder) => builder
        // Admins may do what any channel may; internal APIs need admin or the channel scope the call serves.
        .AddPolicy(ReadAvailability, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.HasAnyScope(Scopes.AvailabilityRead, Scopes.InventoryAdmin)))
        .AddPolicy(WriteOrders, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.HasAnyScope(Scopes.OrdersWrite, Scopes.InventoryAdmin)))
        .AddPolicy(ManageWebhooks, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.HasAnyScope(Scopes.WebhooksManage, Scopes.InventoryAdmin)))
        .AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.HasAnyScope(Scopes.InventoryAdmin)))
        .AddPolicy(ChannelBound, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.Channel() is not null))
        .AddPolicy(AnyChannel, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.Channel() is not null));
}
