using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace IntegrationGateway.ServiceDefaults.Http;

/// <summary>
/// The request limits of the product, and Kestrel's set above them. Kestrel answers a request past its own limits
/// with an empty body before any middleware runs; with its limits higher, ours are met first and answered with
/// problem details (<see cref="RequestShapeMiddleware"/>).
/// </summary>
public static class RequestLimits
{
    public const int MaxUrlLength = 8 * 1024;
    public const int MaxHeaderBytes = 16 * 1024;
    public const int MaxHeaderCount = 64;

    public static void ApplyTo(KestrelServerOptions kestrel)
    {
        kestrel.Limits.MaxRequestLineSize = 4 * MaxUrlLength;
        kestrel.Limits.MaxRequestHeadersTotalSize = 4 * MaxHeaderBytes;
        kestrel.Limits.MaxRequestHeaderCount = 4 * MaxHeaderCount;
    }
}
