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
    // The largest body a contract allows is a 1,000-SKU query of 64-character SKUs (about 67 KB), passed down as it
    // is; every layer has the same limit, so what one admits the next never refuses as too large.
    public const long DefaultLimitBytes = 128 * 1024;

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
