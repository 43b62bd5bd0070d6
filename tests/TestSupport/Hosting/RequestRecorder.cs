using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationGateway.TestSupport.Hosting;

/// <summary>Records the headers each request reached a service with, to follow a call across layers.</summary>
public sealed class RequestRecorder
{
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Action<IServiceCollection> Install => services => services.AddSingleton<IStartupFilter>(new Filter(this));

    public sealed record RecordedRequest(string Method, string Path, string? TraceParent, string? CorrelationId);

    private sealed class Filter(RequestRecorder recorder) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, proceed) =>
            {
                recorder.Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path,
                    context.Request.Headers.TraceParent.FirstOrDefault(), context.Request.Headers["X-Correlation-Id"].FirstOrDefault()));
                return proceed(context);
            });
            next(app);
        };
    }
}
