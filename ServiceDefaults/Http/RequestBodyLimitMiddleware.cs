using IntegrationGateway.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;

namespace IntegrationGateway.ServiceDefaults.Http;

/// <summary>
/// Refuses bodies over the configured size before anything reads them. Kestrel enforces the same limit on
/// chunked bodies through the max-body-size feature; a declared Content-Length is refused up front.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IConfiguration configuration)
{
    public const long DefaultLimitBytes = 64 * 1024;

    private readonly long _limit = configuration.GetValue("Http:MaxRequestBodyBytes", DefaultLimitBytes);

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > _limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await Problem.Result(413, ProblemTypes.PayloadTooLarge, "The request body is too large.", $"Bodies are limited to {_limit} bytes.")
                .ExecuteAsync(context);
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = _limit;
        }
        await next(context);
    }
}
