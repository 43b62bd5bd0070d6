using System.Security.Claims;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.TestSupport.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IntegrationGateway.Gateway.Tests;

public sealed class RememberedTokensTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly CountingHandler _inner = new();
    private readonly RememberedTokens _tokens;

    public RememberedTokensTests() => _tokens = new RememberedTokens(_inner, _time);

    private static TokenValidationParameters Parameters()
    {
        var options = new AuthOptions();
        return new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.Audience,
            RequireExpirationTime = true,
            IssuerSigningKey = TokenIssuer.SigningKeyOf(DevSigningKey.Value),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        };
    }

    [Fact]
    public async Task ATokenAcceptedOnceIsAcceptedAgainWithoutAnotherFullValidation()
    {
        var token = TestTokens.Storefront("c1");

        var first = await _tokens.ValidateTokenAsync(token, Parameters());
        var second = await _tokens.ValidateTokenAsync(token, Parameters());

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Equal(1, _inner.Calls);
        Assert.Equal("storefront", second.ClaimsIdentity.FindFirst(Scopes.ChannelClaim)?.Value);
        Assert.Equal(first.SecurityToken.ValidTo, second.SecurityToken.ValidTo);
    }

    [Fact]
    public async Task EachRequestGetsItsOwnIdentitySoOneRequestsChangesReachNoOther()
    {
        var token = TestTokens.Storefront("c1");
        await _tokens.ValidateTokenAsync(token, Parameters());

        var one = await _tokens.ValidateTokenAsync(token, Parameters());
        one.ClaimsIdentity.AddClaim(new Claim("added-by-one-request", "x"));
        var next = await _tokens.ValidateTokenAsync(token, Parameters());

        Assert.NotSame(one.ClaimsIdentity, next.ClaimsIdentity);
        Assert.Null(next.ClaimsIdentity.FindFirst("added-by-one-request"));
    }

    [Fact]
    public async Task ARefusedTokenIsNeverRememberedAndIsRefusedEveryTime()
    {
        var forged = TestTokens.For("c1", "storefront", TestTokens.StorefrontScopes, signingKey: "some-other-key-that-is-long-enough-0001");

        for (var i = 0; i < 3; i++)
        {
            Assert.False((await _tokens.ValidateTokenAsync(forged, Parameters())).IsValid);
        }
        Assert.Equal(3, _inner.Calls);
        Assert.Equal(0, _tokens.Count);
    }

    [Fact]
    public async Task ARememberedTokenIsValidatedInFullAgainAfterAMinute()
    {
        var token = TestTokens.Storefront("c1");
        await _tokens.ValidateTokenAsync(token, Parameters());

        _time.Advance(RememberedTokens.MaxAge - TimeSpan.FromSeconds(1));
        await _tokens.ValidateTokenAsync(token, Parameters());
        Assert.Equal(1, _inner.Calls);

        _time.Advance(TimeSpan.FromSeconds(1));
        await _tokens.ValidateTokenAsync(token, Parameters());
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task ATokenIsNotRememberedPastItsOwnExpiry()
    {
        var token = TestTokens.For("c1", "storefront", TestTokens.StorefrontScopes, lifetime: TimeSpan.FromSeconds(10));
        await _tokens.ValidateTokenAsync(token, Parameters());

        _time.Advance(TimeSpan.FromSeconds(11));
        await _tokens.ValidateTokenAsync(token, Parameters());

        // The inner handler reads the real clock, so it accepts again; what matters is that it was asked.
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task ItHoldsNoMoreThanItsCapacity()
    {
        for (var i = 0; i <= RememberedTokens.Capacity; i++)
        {
            Assert.True((await _tokens.ValidateTokenAsync(TestTokens.Storefront($"c{i}"), Parameters())).IsValid);
        }

        Assert.InRange(_tokens.Count, 1, RememberedTokens.Capacity);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("false", false)]
    public void EveryServiceValidatesThroughItUnlessConfiguredOff(string? remember, bool expected)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        if (remember is not null)
        {
            builder.Configuration.AddInMemoryCollection([new("Auth:RememberTokens", remember)]);
        }
        builder.AddTokenAuthentication();
        using var host = builder.Build();

        var jwt = host.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);

        Assert.Equal(expected, Assert.Single(jwt.TokenHandlers) is RememberedTokens);
    }

    private sealed class CountingHandler : TokenHandler
    {
        private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
        private int _calls;

        public int Calls => _calls;

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Interlocked.Increment(ref _calls);
            return _handler.ValidateTokenAsync(token, validationParameters);
        }
    }
}
