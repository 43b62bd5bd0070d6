using Microsoft.Extensions.DependencyInjection;

namespace IntegrationGateway.TestSupport.Hosting;

/// <summary>How a test wants the stack: which store, and any settings or services laid over the defaults.</summary>
public sealed record StackOptions
{
    /// <summary>PostgreSQL connection strings for the ERP and process stores; SQLite files in a temp folder when null.</summary>
    public (string Erp, string Process)? Postgres { get; init; }

    /// <summary>The broker of the NATS transport between the process and experience APIs; the HTTP events feed when null.</summary>
    public string? NatsUrl { get; init; }

    public IReadOnlyDictionary<string, string?> GatewaySettings { get; init; } = new Dictionary<string, string?>();

    public Action<IServiceCollection>? ErpServices { get; init; }

    public Action<IServiceCollection>? ProcessServices { get; init; }

    public Action<IServiceCollection>? ExperienceServices { get; init; }

    public IReadOnlyDictionary<string, string?> ExperienceSettings { get; init; } = new Dictionary<string, string?>();
}
