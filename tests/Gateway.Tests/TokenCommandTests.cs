using IntegrationGateway.Gateway.Tokens;
using IntegrationGateway.ServiceDefaults.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace IntegrationGateway.Gateway.Tests;

[Collection(nameof(ConsoleOutput))]
public sealed class TokenCommandTests
{
    [Fact]
    public void InDevelopmentItPrintsATokenTheServicesAccept()
    {
        var (exit, output) = Run("Development", new Dictionary<string, string?>(), "token", "--client", "shop-9", "--channel", "storefront", "--scope", "availability:read orders:write");

        Assert.Equal(0, exit);
        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(output.Trim());
        Assert.Equal(["shop-9", "storefront", "availability:read orders:write"],
            new[] { token.GetClaim(Scopes.ClientIdClaim).Value, token.GetClaim(Scopes.ChannelClaim).Value, token.GetClaim(Scopes.ScopeClaim).Value });
        Assert.Equal(new AuthOptions().Audience, token.Audiences.Single());
    }

    [Fact]
    public void WithoutADevKeyOrConfiguredKeyItRefuses()
    {
        var (exit, output) = Run("Production", new Dictionary<string, string?>(), "token", "--client", "shop-9", "--scope", "orders:write");

        Assert.Equal(2, exit);
        Assert.Empty(output);
    }

    private static (int Exit, string Output) Run(string environment, Dictionary<string, string?> settings, params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var writer = new StringWriter();
        var original = Console.Out;
        Console.SetOut(writer);
        try
        {
            return (TokenCommand.Run(args, configuration, new Environment(environment)), writer.ToString());
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "IntegrationGateway.Gateway";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

/// <summary>Tests that redirect Console.Out run one at a time.</summary>
[CollectionDefinition(nameof(ConsoleOutput), DisableParallelization = true)]
public sealed class ConsoleOutput;
