using IntegrationGateway.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http;

namespace IntegrationGateway.ServiceDefaults.Downstream;

/// <summary>
/// Passes the caller's bearer token and correlation id to the next layer, which validates the token again
/// (defence in depth) and applies the same channel binding.
/// </summary>
public sealed class ForwardCallerHeadersHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext?.Request is { } incoming)
        {
            Copy(incoming, request, "Authorization");
            Copy(incoming, request, CorrelationIdMiddleware.Header);
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
