namespace IntegrationGateway.ServiceDefaults.Auth;

/// <summary>The OAuth scopes a client may hold, and the claim names the product reads.</summary>
public static class Scopes
{
    public const string AvailabilityRead = "availability:read";
    public const string OrdersWrite = "orders:write";
    public const string InventoryAdmin = "inventory:admin";

    public const string ScopeClaim = "scope";
    public const string ChannelClaim = "channel";
    public const string ClientIdClaim = "client_id";
}
