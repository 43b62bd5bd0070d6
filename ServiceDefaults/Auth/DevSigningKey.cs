using Microsoft.Extensions.Hosting;

namespace IntegrationGateway.ServiceDefaults.Auth;

/// <summary>
/// A published, development-only signing key so that `dotnet run` works with no setup, like the dev
/// certificates of ASP.NET Core. It is used only in the Development environment and only when neither
/// an authority nor a signing key is configured; anywhere else a missing key stops the service at start.
/// </summary>
public static class DevSigningKey
{
    public const string Value = "integration-gateway-development-only-signing-key-0001";

    /// <summary>The HS256 key in force, or null when tokens must come from an authority or nothing is configured.</summary>
    public static string? Resolve(AuthOptions options, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return options.SigningKey;
        }
        return string.IsNullOrWhiteSpace(options.Authority) && environment.IsDevelopment() ? Value : null;
    }
}
