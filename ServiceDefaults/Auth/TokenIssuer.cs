using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IntegrationGateway.ServiceDefaults.Auth;

/// <summary>Mints HS256 tokens with the product's claims; used by the gateway's dev `token` command and by tests.</summary>
public static class TokenIssuer
{
    public static string Issue(AuthOptions options, string signingKey, string clientId, string? channel, string scopes, TimeSpan lifetime, DateTimeOffset now)
    {
        var claims = new List<Claim>
        {
            new("sub", clientId),
            new(Scopes.ClientIdClaim, clientId),
            new(Scopes.ScopeClaim, scopes),
        };
        if (!string.IsNullOrWhiteSpace(channel))
        {
            claims.Add(new Claim(Scopes.ChannelClaim, channel));
        }
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKeyOf(signingKey), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public static SymmetricSecurityKey SigningKeyOf(string key) => new(Encoding.UTF8.GetBytes(key));
}
