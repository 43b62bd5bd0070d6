using Asp.Versioning;
using Asp.Versioning.Builder;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ExperienceApis.Channels;
using IntegrationGateway.ExperienceApis.ReadModels;
using IntegrationGateway.ServiceDefaults.Downstream;
using IntegrationGateway.ServiceDefaults.Validation;

namespace IntegrationGateway.ExperienceApis;

/// <summary>
/// What the storefront, marketplace and B2B APIs of this deployable share: the process API's client, the channel
/// types it reports, URL-segment versioning with one document per API and version, and the answer for a version
/// none of them serves. Each API registers and maps only its own part.
/// </summary>
public static class ExperienceDefaults
{
    public static IHostApplicationBuilder AddExperienceDefaults(this IHostApplicationBuilder builder, Action<ApiVersioningOptions> versionPolicies)
    {
        builder.Services.AddSingleton<ChannelTypes>();
        builder.AddReadModels();
        // The process API already retried the ERP; this layer repeats only calls that never arrived.
        builder.AddDownstreamClient<IInventoryProcessClient>("Process", DownstreamRetry.TransportFailuresOnly);
        builder.Services.AddApiVersioning(options =>
            {
                options.ReportApiVersions = true;
                options.ApiVersionReader = new VersionSegmentReader();
                versionPolicies(options);
            })
            .AddApiExplorer(options =>
            {
                // Each API's endpoints carry its name as group name: documents are storefront-v1, marketplace-v1, ...
                options.GroupNameFormat = "'v'V";
                options.FormatGroupName = (group, version) => $"{group}-{version}";
            });
        return builder;
    }

    /// <summary>
    /// The routes of one version of an API under /{api}/v{major}, with its version set, document group, contract
    /// validation and channel admission; every endpoint mapped in it serves that version only.
    /// </summary>
    public static RouteGroupBuilder MapVersion(this WebApplication app, string api, ApiVersionSet versions, ApiVersion version, ChannelType channel) =>
        app.MapGroup($"/{api}/v{version.MajorVersion}").WithApiVersionSet(versions).WithGroupName(api)
            .WithContractValidation().WithChannelAdmission(channel);

    public static WebApplication UseExperienceDefaults(this WebApplication app)
    {
        app.UseMiddleware<UnsupportedVersionMiddleware>();
        return app;
    }
}
