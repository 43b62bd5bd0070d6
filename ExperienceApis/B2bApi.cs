using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ServiceDefaults.Validation;
using Asp.Versioning;
using IntegrationGateway.ExperienceApis.B2b;

namespace IntegrationGateway.ExperienceApis;

/// <summary>
/// The B2B experience API: one API for every b2b channel, each buyer seeing its own channel (the token's channel
/// claim), whose type the process API confirms. Shares the process client and versioning of
/// <see cref="ExperienceDefaults"/>.
/// </summary>
public static class B2bApi
{
    public const string Name = "b2b";

    public static readonly ApiVersion V1 = new(1);

    public static readonly (string Name, string Title, string Version)[] Documents = [("b2b-v1", "B2B API", "1.0")];

    public static IHostApplicationBuilder AddB2b(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureSwaggerGen(options => options.AddSkuItemBounds((typeof(IntegrationGateway.Contracts.B2b.B2bAvailabilityQuery), "skus")));
        return builder;
    }

    public static WebApplication MapB2bApi(this WebApplication app)
    {
        var versions = app.NewApiVersionSet(Name).HasApiVersion(V1).ReportApiVersions().Build();
        app.MapVersion(Name, versions, V1, ChannelType.B2b)
            .MapB2bAvailability()
            .MapB2bOrders()
            .MapChannelWebhooks(Name, V1);
        return app;
    }
}
