using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationGateway.TestSupport.Hosting;

/// <summary>
/// One of our services running for real: its own Program, on Kestrel at a free loopback port, with test
/// settings laid over its appsettings. Calls between hosts are real HTTP, as in production.
/// </summary>
public sealed class ServiceHost<TEntryPoint> : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="port">0 for a free port; a host started again in place of a stopped one passes the old port, so
    /// whoever calls it (another service, a gateway route) finds it at the same address, as after a real restart.</param>
    public ServiceHost(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null, int port = 0)
    {
        _settings = settings;
        _services = services;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
    }

    /// <summary>
    /// Awaited by this host's test clients before an availability read, so a test reads what a connector reads once
    /// the events of its earlier changes have arrived (<see cref="Propagation"/>).
    /// </summary>
    public Func<Task>? BeforeAvailabilityRead { get; set; }

    /// <summary>Where the service listens, once started.</summary>
    public Uri Address { get; private set; } = null!;

    public ServiceHost<TEntryPoint> Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Address = new Uri(addresses.First());
        return this;
    }

    private static string ProjectFolder()
    {
        var project = typeof(TEntryPoint).Assembly.GetName().Name!["IntegrationGateway.".Length..];
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "IntegrationGateway.sln")))
            {
                return Path.Combine(folder.FullName, project);
            }
        }
        throw new DirectoryNotFoundException($"No IntegrationGateway.sln above {AppContext.BaseDirectory}.");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // The service's own folder, so its appsettings.json applies, from test runs and the benchmark alike.
        builder.UseContentRoot(ProjectFolder());
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }
}
