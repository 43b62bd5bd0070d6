using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using IntegrationGateway.ServiceDefaults.Problems;

namespace IntegrationGateway.ServiceDefaults.Auth;

public static class AuthenticationExtensions
{
    /// <summary>
    /// JWT bearer validation (issuer, audience, lifetime, signature; never alg "none") with the product's
    /// policies. The gateway and each service behind it call this: defence in depth.
    /// </summary>
    public static IHostApplicationBuilder AddTokenAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>()
            .Bind(builder.Configuration.GetSection(AuthOptions.Section))
            .Validate<IHostEnvironment>((options, environment) => DevSigningKey.Resolve(options, environment) is not null || !string.IsNullOrWhiteSpace(options.Authority),
                "Auth: configure Auth:Authority (JWKS) or Auth:SigningKey; the development key is used only in Development.")
            .Validate(options => options.SigningKey is null || options.SigningKey.Length >= 32, "Auth:SigningKey must be at least 32 characters.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, IHostEnvironment, TimeProvider>((jwt, auth, environment, time) => Configure(jwt, auth.Value, environment, time));
        builder.Services.AddAuthorizationBuilder().AddProductPolicies();
        return builder;
    }

    private static void Configure(JwtBearerOptions jwt, AuthOptions options, IHostEnvironment environment, TimeProvider time)
    {
        var signingKey = DevSigningKey.Resolve(options, environment);
        // Keep the token's own claim names (scope, channel, client_id) rather than WS-* URIs.
        jwt.MapInboundClaims = false;
        if (options.RememberTokens)
        {
            var validator = jwt.TokenHandlers.Single();
            jwt.TokenHandlers.Clear();
            jwt.TokenHandlers.Add(new RememberedTokens(validator, time));
        }
        jwt.Authority = string.IsNullOrWhiteSpace(options.Authority) ? null : options.Authority;
        jwt.RequireHttpsMetadata = !environment.IsDevelopment();
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = options.Issuer,
            ValidateAudience = true,
            ValidAudience = options.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = options.ClockSkew,
            IssuerSigningKey = jwt.Authority is null && signingKey is not null ? TokenIssuer.SigningKeyOf(signingKey) : null,
            ValidAlgorithms = jwt.Authority is null ? [SecurityAlgorithms.HmacSha256] : null,
        };
        jwt.Events = new JwtBearerEvents
        {
            // RFC 7515 4.1.11: a token naming critical extensions must be refused by a recipient that knows none of
            // them, and we know none; the token handler does not check this itself.
            OnTokenValidated = context =>
            {
                if (context.SecurityToken is Microsoft.IdentityModel.JsonWebTokens.JsonWebToken token && token.TryGetHeaderValue<object>("crit", out _))
                {
                    context.Fail("The token names critical header extensions this service does not understand.");
                }
                return Task.CompletedTask;
            },
            OnChallenge = async context =>
            {
                context.HandleResponse();
                await WriteProblemAsync(context.HttpContext, 401, ProblemTypes.Unauthorized, "A valid bearer token is required.");
            },
            OnForbidden = context => WriteProblemAsync(context.HttpContext, 403, ProblemTypes.Forbidden, "The token does not grant this operation."),
        };
    }

    private static async Task WriteProblemAsync(HttpContext context, int status, string type, string title)
    {
        context.Response.StatusCode = status;
        if (status == 401)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = Problem.Details(status, type, title) });
    }
}
