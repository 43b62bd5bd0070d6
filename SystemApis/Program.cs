using IntegrationGateway.ServiceDefaults;
using IntegrationGateway.ServiceDefaults.OpenApi;
using IntegrationGateway.SystemApis;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddContractDocuments((ErpApi.DocumentName, "ERP system API", "1.0"), (WmsApi.DocumentName, "WMS system API", "1.0"));
builder.AddErp();
builder.AddWms();

var app = builder.Build();

app.UseServiceDefaults();
app.MapContractDocument();
app.MapDefaultEndpoints();
app.MapErpApi();
app.MapWmsApi();

app.Run();

namespace IntegrationGateway.SystemApis
{
    /// <summary>Names this service's entry assembly for test hosts (several services share one test process).</summary>
    public sealed class SystemApisEntryPoint;
}
