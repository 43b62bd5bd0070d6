using IntegrationGateway.ServiceDefaults.Idempotency;
using IntegrationGateway.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace IntegrationGateway.ServiceDefaults.Http;

/// <summary>
/// Refuses, before any endpoint reads it, a request whose shape no contract allows: a URL or header block past the
/// product's limits, a header value that is not printable ASCII, a header given twice where one is meant, a body
/// that is not JSON in UTF-8. Kestrel's own limits are set above these (see <see cref="RequestLimits"/>), so these
/// refusals are problem details; only a request Kestrel cannot parse at all is answered by Kestrel alone.
/// </summary>
public sealed class RequestShapeMiddleware(RequestDelegate next)
{
    // Headers with one meaning each; two copies would be joined ("a, b") and read as one value.
    private static readonly string[] SingleHeaders =
        [IdempotencyKey.Header, HeaderNames.Authorization, HeaderNames.ContentType, HeaderNames.ContentLength, CorrelationIdMiddleware.Header, HeaderNames.Host];

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.Value?.Length + request.QueryString.Value?.Length > RequestLimits.MaxUrlLength)
        {
            return RefuseAsync(context, 414, ProblemTypes.UriTooLong, "The URL is too long.", $"Paths and queries are limited to {RequestLimits.MaxUrlLength} characters.");
        }
        if (Unacceptable(request.Headers) is { } refusal)
        {
            return refusal.Status == 431
                ? RefuseAsync(context, 431, ProblemTypes.HeadersTooLarge, "The request headers are too large.", refusal.Detail)
                : RefuseAsync(context, 400, ProblemTypes.MalformedRequest, "A request header is not acceptable.", refusal.Detail, refusal.Header);
        }
        if (HasBody(request) && !IsUtf8Json(request.ContentType))
        {
            return RefuseAsync(context, 415, ProblemTypes.UnsupportedMediaType, "The body's media type is not supported.",
                "Send the body as application/json in UTF-8 (no charset, or charset=utf-8).");
        }
        return next(context);
    }

    private static (int Status, string Detail, string? Header)? Unacceptable(IHeaderDictionary headers)
    {
        if (headers.Count > RequestLimits.MaxHeaderCount)
        {
            return (431, $"At most {RequestLimits.MaxHeaderCount} headers are accepted.", null);
        }
        var total = 0;
        foreach (var (name, values) in headers)
        {
            if (values.Count > 1 && SingleHeaders.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                return (400, $"The {name} header may be given once.", name);
            }
            foreach (var value in values)
            {
                total += name.Length + (value?.Length ?? 0);
                if (value is not null && !IsPrintableAscii(value))
                {
                    return (400, $"The {name} header holds characters outside printable ASCII.", name);
                }
            }
        }
        return total > RequestLimits.MaxHeaderBytes ? (431, $"Headers are limited to {RequestLimits.MaxHeaderBytes} bytes in all.", null) : null;
    }

    // A tab is allowed inside a field value (RFC 9110 5.5); anything else below space, DEL and non-ASCII are not:
    // a lower layer's HTTP client refuses them, which would surface as an outage rather than the caller's mistake.
    private static bool IsPrintableAscii(string value)
    {
        foreach (var c in value)
        {
            if (c is (< ' ' and not '\t') or > '~')
            {
                return false;
            }
        }
        return true;
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);

    private static bool IsUtf8Json(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType.Value is not { } type)
        {
            return false;
        }
        var json = type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        var charset = media.Charset.Value;
        return json && (charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));
    }

    private static Task RefuseAsync(HttpContext context, int status, string type, string title, string detail, string? header = null)
    {
        context.Response.StatusCode = status;
        var extensions = header is null ? null : new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [header] = [detail] } };
        return Problem.Result(status, type, title, detail, extensions).ExecuteAsync(context);
    }
}
