using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IntegrationGateway.TestSupport.Hosting;

public static class HostClients
{
    /// <summary>A real HTTP client to the host, with a bearer token when given.</summary>
    public static HttpClient Client<T>(this ServiceHost<T> host, string? token = null) where T : class
    {
        // The hosts' telemetry listens to every HttpClient in this process; without this the test's own client
        // would start a trace and overwrite any traceparent a test sends, unlike a real connector.
        HttpMessageHandler handler = new SocketsHttpHandler { ActivityHeadersPropagator = null };
        if (host.BeforeAvailabilityRead is { } settle)
        {
            handler = new SettlingHandler(settle) { InnerHandler = handler };
        }
        var client = new HttpClient(handler) { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    /// <summary>A storefront connector calling through the gateway.</summary>
    public static HttpClient StorefrontClient(this Stack stack, string clientId) => stack.Gateway.Client(TestTokens.Storefront(clientId));

    /// <summary>A marketplace connector calling through the gateway for its marketplace channel.</summary>
    public static HttpClient MarketplaceClient(this Stack stack, string clientId, string channel = "marketplace") =>
        stack.Gateway.Client(TestTokens.Marketplace(clientId, channel));

    /// <summary>Operations staff calling the ERP directly, to lay out stock and read it back.</summary>
    public static Inventory Inventory(this Stack stack) => new(stack.Erp.Client(TestTokens.Admin()));

    /// <summary>Waits for propagation before a GET of availability or of a marketplace feed, and before a (safe) POST availability query.</summary>
    private sealed class SettlingHandler(Func<Task> settle) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri?.AbsolutePath ?? "";
            var read = request.Method == HttpMethod.Get && (path.Contains("/availability", StringComparison.Ordinal) || path.Contains("/inventory-feed", StringComparison.Ordinal));
            var query = request.Method == HttpMethod.Post && path.EndsWith("/availability/query", StringComparison.Ordinal);
            if (read || query)
            {
                await settle();
            }
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
