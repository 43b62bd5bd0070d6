using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Health;
using IntegrationGateway.ServiceDefaults.Http;
using IntegrationGateway.ServiceDefaults.Json;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace IntegrationGateway.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>What every service and the gateway share: telemetry, health, problem details, token validation.</summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.AddTelemetry();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.PathBase + context.HttpContext.Request.Path;
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            if (StatusProblemTypes.IsFrameworkDefault(context.ProblemDetails.Type) && StatusProblemTypes.For(status) is { } type)
            {
                context.ProblemDetails.Type = type;
            }
            context.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
        });
        builder.Services.AddExceptionHandler<ExceptionProblemHandler>();
        builder.Services.ConfigureHttpJsonOptions(o => StrictJson.Apply(o.SerializerOptions));
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => StrictJson.Apply(o.JsonSerializerOptions));
        // A body that does not bind is reported as a problem by the exception handler, in every environment.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(RequestLimits.ApplyTo);
        builder.AddTokenAuthentication();
        return builder;
    }

    /// <summary>The middleware every service runs before its endpoints, in the order that keeps refusals cheap.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestShapeMiddleware>();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        // Routing runs inside the exception handler, so even a routing failure is our problem details answer
        // (in Development the framework's exception page would otherwise show it, request headers and all).
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Liveness at /alive and readiness at /health, open to the orchestrator (no token).</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/alive", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = r => r.Tags.Contains("live") }).AllowAnonymous();
        return app;
    }
}
