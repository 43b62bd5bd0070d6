using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace IntegrationGateway.ServiceDefaults.Auth;

/// <summary>
/// Validates bearer tokens through <paramref name="inner"/> and remembers the ones it accepted for a short while, so a
/// connector's next request with the same token skips parsing, the signature and the claim checks. A connector sends
/// one token for its whole life and every layer validates it again (defence in depth), so without this each read
/// paid for a full validation at the gateway and again at the experience API: a tenth of each one's CPU.
/// <para>
/// Only acceptances are remembered, keyed by the whole token text, and never past the token's own expiry (clock skew
/// is not granted to a remembered token) nor longer than <see cref="MaxAge"/>, which also bounds how long a token
/// signed by a key since withdrawn from the issuer's key set stays accepted. Each request gets its own copy of the
/// identity, so what one request does to its principal reaches no other.
/// </para>
/// </summary>
public sealed class RememberedTokens(TokenHandler inner, TimeProvider time) : TokenHandler
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);

    /// <summary>Distinct tokens held at most; past it the expired ones go, and if none has, all of them.</summary>
    public const int Capacity = 10_000;

    private sealed record Accepted(TokenValidationResult Result, ClaimsIdentity Identity, DateTime Until);

    private readonly ConcurrentDictionary<string, Accepted> _accepted = new(StringComparer.Ordinal);

    public int Count => _accepted.Count;

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (_accepted.TryGetValue(token, out var seen))
        {
            if (now < seen.Until)
            {
                return new TokenValidationResult
                {
                    IsValid = true,
                    SecurityToken = seen.Result.SecurityToken,
                    ClaimsIdentity = seen.Identity.Clone(),
                    Issuer = seen.Result.Issuer,
                    TokenType = seen.Result.TokenType,
                };
            }
            _accepted.TryRemove(token, out _);
        }
        var result = await inner.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is { } validated)
        {
            var until = Min(validated.ValidTo, now + MaxAge);
            if (now < until)
            {
                MakeRoom(now);
                _accepted[token] = new Accepted(result, result.ClaimsIdentity.Clone(), until);
            }
        }
        return result;
    }

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    private void MakeRoom(DateTime now)
    {
        if (_accepted.Count < Capacity)
        {
            return;
        }
        foreach (var (token, accepted) in _accepted)
        {
            if (accepted.Until <= now)
            {
                _accepted.TryRemove(token, out _);
            }
        }
        if (_accepted.Count >= Capacity)
        {
            _accepted.Clear();
        }
    }

    /// <summary>A token without an expiry reads as DateTime.MinValue, so it is never remembered (validation refuses it anyway).</summary>
    private static DateTime Min(DateTime validTo, DateTime cap) => validTo < cap ? validTo : cap;
}
