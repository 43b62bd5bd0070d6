using IntegrationGateway.ExperienceApis.ReadModels.Nats;

namespace IntegrationGateway.ExperienceApis.ReadModels;

public static class ReadModelExtensions
{
    /// <summary>Per-channel read models of published availability, fed by the process API's events.</summary>
    public static IHostApplicationBuilder AddReadModels(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReadModelOptions>().Bind(builder.Configuration.GetSection(ReadModelOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<AvailabilityReadModel>();
        builder.Services.AddSingleton<ReadModelFeeder>();
        builder.AddReadModelTransport();
        builder.Services.AddHealthChecks().AddCheck<ReadModelHealth>("read-models");
        return builder;
    }
}
