using IntegrationGateway.ServiceDefaults.Validation;
using IntegrationGateway.SystemApis.Wms;

namespace IntegrationGateway.SystemApis;

/// <summary>
/// The WMS system API: physical execution (picks and count flags). It runs in the system host beside the ERP and
/// keeps its own tables; the process API orchestrates the two, each through its generated client.
/// </summary>
public static class WmsApi
{
    public const string DocumentName = "wms-v1";

    public static IHostApplicationBuilder AddWms(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PickStore>();
        builder.Services.AddSingleton<CountFlagStore>();
        return builder;
    }

    public static WebApplication MapWmsApi(this WebApplication app)
    {
        var wms = app.MapGroup("/system/wms/v1").WithGroupName(DocumentName).WithContractValidation();
        wms.MapPicks().MapCountFlags();
        return app;
    }
}
