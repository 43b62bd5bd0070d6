using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace IntegrationGateway.TestSupport.Hosting;

/// <summary>
/// Makes a service's calls to the next layer fail as a network outage would, beneath its resilience
/// pipeline, so retries, the circuit breaker and timeouts all see the failure as real.
/// </summary>
public sealed class Outage
{
    private volatile Func<HttpRequestMessage, bool> _fails = _ => false;
    private int _refused;

    /// <summary>How many calls the outage has failed: once one has, no call that began before the outage is still in flight.</summary>
    public int Refused => Volatile.Read(ref _refused);

    // Applied after every other handler configuration, so it wraps whatever primary handler the client has.
    public Action<IServiceCollection> Install => services => services.PostConfigureAll<HttpClientFactoryOptions>(options =>
        options.HttpMessageHandlerBuilderActions.Add(builder => builder.PrimaryHandler = new FailingHandler(this, builder.PrimaryHandler)));

    /// <summary>Every call fails from now on.</summary>
    public void Begin() => _fails = _ => true;

    /// <summary>Calls fail once the predicate says so (for example after the first reservation got through).</summary>
    public void BeginWhen(Func<HttpRequestMessage, bool> fails) => _fails = fails;

    public void End() => _fails = _ => false;

    private sealed class FailingHandler(Outage outage, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!outage._fails(request))
            {
                return base.SendAsync(request, cancellationToken);
            }
            Interlocked.Increment(ref outage._refused);
            throw new HttpRequestException("Connection refused (simulated outage).", null, System.Net.HttpStatusCode.ServiceUnavailable);
        }
    }
}
