using IntegrationGateway.ProcessApis;
using IntegrationGateway.ServiceDefaults;
using IntegrationGateway.ServiceDefaults.OpenApi;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddContractDocument(ProcessApi.DocumentName, "Inventory process API");
builder.AddInventoryProcess();

var app = builder.Build();

app.UseServiceDefaults();
app.MapContractDocument();
app.MapDefaultEndpoints();
app.MapInventoryProcessApi();

app.Run();

namespace IntegrationGateway.ProcessApis
{
    /// <summary>Names this service's entry assembly for test hosts (several services share one test process).</summary>
    public sealed class ProcessApisEntryPoint;
}
