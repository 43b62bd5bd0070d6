using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http;

namespace IntegrationGateway.ServiceDefaults.Downstream;

/// <summary>
/// Passes the caller's bearer token and correlation id to the next layer, which validates the token again
/// (defence in depth) and applies the same channel binding. Work with no caller behind it (recovery) goes
/// out with the service's own token.
/// </summary>
public sealed class ForwardCallerHeadersHandler(IHttpContextAccessor accessor, ServiceTokens serviceTokens) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext?.Request is { } incoming)
        {
            Copy(incoming, request, "Authorization");
            Copy(incoming, request, CorrelationIdMiddleware.Header);
        }
        else if (request.Headers.Authorization is null && serviceTokens.Current() is { } token)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
        return base.SendAsync(request, cancellationToken);
    }

    private static void Copy(HttpRequest from, HttpRequestMessage to, string header)
    {
        if (from.Headers.TryGetValue(header, out var value) && !to.Headers.Contains(header))
        {
            to.Headers.TryAddWithoutValidation(header, (IEnumerable<string?>)value);
        }
    }
}
