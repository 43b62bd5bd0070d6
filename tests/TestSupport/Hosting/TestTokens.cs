using IntegrationGateway.ServiceDefaults.Auth;

namespace IntegrationGateway.TestSupport.Hosting;

/// <summary>Tokens as the dev token command mints them, plus deliberately broken ones.</summary>
public static class TestTokens
{
    public const string StorefrontScopes = Scopes.AvailabilityRead + " " + Scopes.OrdersWrite;

    public static string For(string clientId, string? channel, string scopes, TimeSpan? lifetime = null, string? signingKey = null, AuthOptions? options = null, DateTimeOffset? now = null) =>
        TokenIssuer.Issue(options ?? new AuthOptions(), signingKey ?? DevSigningKey.Value, clientId, channel, scopes,
            lifetime ?? TimeSpan.FromMinutes(10), now ?? DateTimeOffset.UtcNow);

    public static string Storefront(string clientId) => For(clientId, "storefront", StorefrontScopes);

    /// <summary>A marketplace connector's token: bound to one marketplace channel, reading the feed and placing orders.</summary>
    public static string Marketplace(string clientId, string channel = "marketplace") => For(clientId, channel, StorefrontScopes);

    public static string Admin(string clientId = "ops") => For(clientId, null, Scopes.InventoryAdmin);

    /// <summary>An unsigned token ("alg": "none") carrying otherwise valid claims.</summary>
    public static string Unsigned(string clientId)
    {
        var signed = Storefront(clientId);
        var payload = signed.Split('.')[1];
        var header = Convert.ToBase64String("{\"alg\":\"none\",\"typ\":\"JWT\"}"u8.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{header}.{payload}.";
    }
}
