namespace IntegrationGateway.ServiceDefaults.Auth;

/// <summary>Token validation settings shared by the gateway and every service behind it ("Auth" section).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "integration-gateway-dev";

    public string Audience { get; set; } = "integration-gateway";

    /// <summary>An OpenID Connect authority whose JWKS signs production tokens. Takes precedence over a signing key.</summary>
    public string? Authority { get; set; }

    /// <summary>A symmetric HS256 key (at least 32 characters) for environments without an authority.</summary>
    public string? SigningKey { get; set; }

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether a token accepted once is remembered for up to a minute (<see cref="RememberedTokens"/>), so repeated
    /// requests with it skip a full validation. On by default; the benchmarks' reference turns it off.
    /// </summary>
    public bool RememberTokens { get; set; } = true;
}
