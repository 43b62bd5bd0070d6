using IntegrationGateway.ServiceDefaults.Auth;

namespace IntegrationGateway.Gateway.Tokens;

/// <summary>
/// `dotnet run --project Gateway -- token --client ID --channel CHANNEL --scope "SCOPES" [--minutes N]` prints a
/// token signed with the configured key (in Development, the published dev key). Without a key it refuses.
/// </summary>
public static class TokenCommand
{
    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == "token";

    public static int Run(string[] args, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var key = DevSigningKey.Resolve(options, environment);
        if (key is null)
        {
            Console.Error.WriteLine("No signing key is configured (Auth:SigningKey), and the dev key is used only in Development: no token issued.");
            return 2;
        }
        var client = Option(args, "--client");
        var scope = Option(args, "--scope");
        if (string.IsNullOrWhiteSpace(client) || string.IsNullOrWhiteSpace(scope))
        {
            Console.Error.WriteLine("usage: token --client <id> [--channel <channel>] --scope \"availability:read orders:write\" [--minutes 60]");
            return 2;
        }
        var minutes = int.TryParse(Option(args, "--minutes"), out var m) && m is > 0 and <= 24 * 60 ? m : 60;
        Console.WriteLine(TokenIssuer.Issue(options, key, client, Option(args, "--channel"), scope, TimeSpan.FromMinutes(minutes), TimeProvider.System.GetUtcNow()));
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
