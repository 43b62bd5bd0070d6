using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace IntegrationGateway.AppHost;

/// <summary>
/// The NATS transport on request (`--nats`, or AppHost:Nats=true): nats-server with JetStream as an executable
/// resource on 127.0.0.1 (no Aspire NATS hosting package is served here), its store in the data folder, and the
/// process and experience APIs pointed at it. Without the switch the stack runs as ever, events over HTTP.
/// </summary>
public static class NatsBroker
{
    public const string Switch = "--nats";
    private const int Port = 4222;

    public static string Url => $"nats://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public static bool Wanted(string[] args, IConfiguration configuration) =>
        args.Contains(Switch) || configuration.GetValue<bool>("AppHost:Nats");

    public static IResourceBuilder<ExecutableResource> Add(IDistributedApplicationBuilder builder, LocalData data)
    {
        var store = Path.Combine(data.Folder, "nats");
        Directory.CreateDirectory(store);
        return builder.AddExecutable("nats", "nats-server", data.Folder,
            "-js", "-a", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-sd", store);
    }

    /// <summary>Points a service's events at the broker, when there is one.</summary>
    public static IResourceBuilder<ProjectResource> WithNatsEvents(this IResourceBuilder<ProjectResource> project, IResourceBuilder<ExecutableResource>? nats) =>
        nats is null
            ? project
            : project.WithEnvironment("Events__Transport", "nats").WithEnvironment("Events__Nats__Url", Url).WaitFor(nats);
}
