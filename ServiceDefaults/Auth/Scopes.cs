namespace IntegrationGateway.ServiceDefaults.Auth;

/// <summary>The OAuth scopes a client may hold, and the claim names the product reads.</summary>
public static class Scopes
{
    public const string AvailabilityRead = "availability:read";
    public const string OrdersWrite = "orders:write";
    public const string InventoryAdmin = "inventory:admin";
    /// <summary>Manage the channel's own webhook subscriptions: subscribe, rotate secrets, read the delivery log, replay.</summary>
    public const string WebhooksManage = "webhooks:manage";

    public const string ScopeClaim = "scope";
    public const string ChannelClaim = "channel";
    public const string ClientIdClaim = "client_id";
}
