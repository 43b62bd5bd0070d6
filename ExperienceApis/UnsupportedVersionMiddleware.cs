using System.Text.RegularExpressions;
using Asp.Versioning;
using IntegrationGateway.ExperienceApis.Storefront;
using IntegrationGateway.ServiceDefaults.Problems;

namespace IntegrationGateway.ExperienceApis;

/// <summary>
/// A path naming a version an experience API does not serve (/storefront/v9/..., /marketplace/v3/...) is the
/// caller's mistake, not a missing resource: 400 with the versions that exist, rather than the bare 404
/// URL-segment routing gives.
/// </summary>
public sealed partial class UnsupportedVersionMiddleware(RequestDelegate next)
{
    private static readonly Dictionary<string, IReadOnlyList<ApiVersion>> Served = new(StringComparer.OrdinalIgnoreCase)
    {
        [StorefrontApi.Name] = StorefrontVersions.Supported,
        [MarketplaceApi.Name] = [MarketplaceApi.V1],
        [B2bApi.Name] = [B2bApi.V1],
    };

    public Task InvokeAsync(HttpContext context)
    {
        var match = VersionSegment().Match(context.Request.Path.Value ?? "");
        if (!match.Success || !Served.TryGetValue(match.Groups["api"].Value, out var versions)
            || versions.Any(v => $"{v.MajorVersion}" == match.Groups["version"].Value || v.ToString() == match.Groups["version"].Value))
        {
            return next(context);
        }
        var supported = versions.Select(v => v.ToString()).ToArray();
        context.Response.Headers["api-supported-versions"] = string.Join(", ", supported);
        return Problem.Result(400, ProblemTypes.UnsupportedApiVersion, "Unsupported API version.",
                $"Version '{match.Groups["version"].Value}' of the {match.Groups["api"].Value} API does not exist; supported: {string.Join(", ", supported)}.",
                new Dictionary<string, object?> { ["supportedVersions"] = supported })
            .ExecuteAsync(context);
    }

    [GeneratedRegex("^/(?<api>[a-z-]+)/v(?<version>[^/]+)(/|$)", RegexOptions.IgnoreCase)]
    private static partial Regex VersionSegment();
}
