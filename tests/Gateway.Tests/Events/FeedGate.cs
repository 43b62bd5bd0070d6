using System.Text.RegularExpressions;

namespace IntegrationGateway.Gateway.Tests.Events;

/// <summary>
/// Holds the experience API's requests for the process API's events feed: while held, each request waits for a pass and
/// asks for one event only, so a test can leave the read models behind the source by a known page.
/// </summary>
public sealed partial class FeedGate
{
    private readonly SemaphoreSlim _passes = new(0);
    private readonly SemaphoreSlim _arrivals = new(0);
    private volatile bool _held;

    public void Hold() => _held = true;

    public void PassOne() => _passes.Release();

    public void Open()
    {
        _held = false;
        _passes.Release(100);
    }

    /// <summary>Until a feed request is waiting at the gate.</summary>
    public async Task WaitingAsync() => Assert.True(await _arrivals.WaitAsync(TimeSpan.FromSeconds(15)), "No feed request reached the gate.");

    [GeneratedRegex("limit=[0-9]+")]
    private static partial Regex Limit();

    public sealed class Handler(FeedGate gate) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (gate._held && request.RequestUri is { AbsolutePath: "/process/v1/events" } uri)
            {
                gate._arrivals.Release();
                await gate._passes.WaitAsync(cancellationToken);
                if (gate._held)
                {
                    request.RequestUri = new Uri(Limit().Replace(uri.ToString(), "limit=1"));
                }
            }
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
