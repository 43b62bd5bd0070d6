using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationGateway.ServiceDefaults.Auth;

namespace IntegrationGateway.TestSupport.Hostile;

/// <summary>
/// A JWT written by hand, so a test can put anything in its header and claims: another alg, a kid or jku pointing
/// elsewhere, claims under other names, control characters. Starts as a valid storefront token signed with the dev key.
/// </summary>
public sealed class HandMadeToken
{
    public JsonObject Header { get; } = new() { ["alg"] = "HS256", ["typ"] = "JWT" };

    public JsonObject Claims { get; }

    /// <summary>The HMAC key the signature is made with; the product's development key unless an attack changes it.</summary>
    public string SigningKey { get; set; } = DevSigningKey.Value;

    /// <summary>Which HMAC signs: SHA-256 by default, whatever the header claims.</summary>
    public Func<byte[], byte[], byte[]> Mac { get; set; } = HMACSHA256.HashData;

    public HandMadeToken(string clientId = "attacker", string? channel = "storefront", string scope = "availability:read orders:write", DateTimeOffset? now = null)
    {
        var at = (now ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        var options = new AuthOptions();
        Claims = new JsonObject
        {
            ["iss"] = options.Issuer,
            ["aud"] = options.Audience,
            ["sub"] = clientId,
            ["client_id"] = clientId,
            ["scope"] = scope,
            ["iat"] = at,
            ["nbf"] = at,
            ["exp"] = at + 600,
        };
        if (channel is not null)
        {
            Claims["channel"] = channel;
        }
    }

    public string Signed()
    {
        var input = $"{Encode(Header)}.{Encode(Claims)}";
        return $"{input}.{Base64Url(Mac(Encoding.UTF8.GetBytes(SigningKey), Encoding.ASCII.GetBytes(input)))}";
    }

    /// <summary>The header and claims with no signature at all ("header.claims.").</summary>
    public string Unsigned() => $"{Encode(Header)}.{Encode(Claims)}.";

    private static string Encode(JsonObject json) =>
        Base64Url(Encoding.UTF8.GetBytes(json.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })));

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
