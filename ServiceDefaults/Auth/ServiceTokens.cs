using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IntegrationGateway.ServiceDefaults.Auth;

/// <summary>
/// The service's own token, for calls it makes with no caller behind them (recovery, sweepers). Signed with
/// the configured key; where tokens come from an authority instead, there is none and such calls are refused
/// downstream, which recovery logs and retries.
/// </summary>
public sealed class ServiceTokens(IOptions<AuthOptions> options, IHostEnvironment environment, TimeProvider time)
{
    private const string ServiceScopes = Scopes.AvailabilityRead + " " + Scopes.OrdersWrite;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private (string Token, DateTimeOffset RenewAfter)? _current;

    public string? Current()
    {
        var now = time.GetUtcNow();
        if (_current is { } cached && now < cached.RenewAfter)
        {
            return cached.Token;
        }
        var key = DevSigningKey.Resolve(options.Value, environment);
        if (key is null)
        {
            return null;
        }
        var token = TokenIssuer.Issue(options.Value, key, environment.ApplicationName, channel: null, ServiceScopes, Lifetime, now);
        _current = (token, now + Lifetime / 2);
        return token;
    }
}
