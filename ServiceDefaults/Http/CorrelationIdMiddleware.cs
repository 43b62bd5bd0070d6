using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace IntegrationGateway.ServiceDefaults.Http;

/// <summary>
/// Echoes X-Correlation-Id (or the W3C trace id when the caller sent none) so a connector can quote one id
/// for a whole call chain. Untrusted values that do not look like an id are replaced, never logged raw.
/// </summary>
public sealed partial class CorrelationIdMiddleware(RequestDelegate next)
{
    public const string Header = "X-Correlation-Id";

    public Task InvokeAsync(HttpContext context)
    {
        string? sent = context.Request.Headers[Header];
        var id = sent is not null && SafeId().IsMatch(sent)
            ? sent
            : Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        context.Request.Headers[Header] = id;
        // Set as the response starts, replacing any copy a proxied service sent, so the caller sees it once.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        Activity.Current?.SetTag("correlation.id", id);
        return next(context);
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex SafeId();
}
