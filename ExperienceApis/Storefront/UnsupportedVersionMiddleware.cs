using System.Text.RegularExpressions;
using IntegrationGateway.ServiceDefaults.Problems;

namespace IntegrationGateway.ExperienceApis.Storefront;

/// <summary>
/// A path naming a version we do not serve (/storefront/v9/...) is the caller's mistake, not a missing
/// resource: 400 with the versions that exist, rather than the bare 404 URL-segment routing gives.
/// </summary>
public sealed partial class UnsupportedVersionMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var match = VersionSegment().Match(context.Request.Path.Value ?? "");
        if (!match.Success || StorefrontVersions.Supported.Any(v => $"{v.MajorVersion}" == match.Groups["version"].Value || v.ToString() == match.Groups["version"].Value))
        {
            return next(context);
        }
        var supported = StorefrontVersions.Supported.Select(v => v.ToString()).ToArray();
        context.Response.Headers["api-supported-versions"] = string.Join(", ", supported);
        return Problem.Result(400, ProblemTypes.UnsupportedApiVersion, "Unsupported API version.",
                $"Version '{match.Groups["version"].Value}' of the storefront API does not exist; supported: {string.Join(", ", supported)}.",
                new Dictionary<string, object?> { ["supportedVersions"] = supported })
            .ExecuteAsync(context);
    }

    [GeneratedRegex("^/storefront/v(?<version>[^/]+)(/|$)", RegexOptions.IgnoreCase)]
    private static partial Regex VersionSegment();
}
