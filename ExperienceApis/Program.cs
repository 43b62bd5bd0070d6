using IntegrationGateway.ExperienceApis;
using IntegrationGateway.ServiceDefaults;
using IntegrationGateway.ServiceDefaults.OpenApi;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddContractDocuments([.. StorefrontApi.Documents, .. MarketplaceApi.Documents, .. B2bApi.Documents]);
builder.AddExperienceDefaults(StorefrontApi.RetireV1);
builder.AddStorefront();
builder.AddB2b();

var app = builder.Build();

app.UseServiceDefaults();
app.MapContractDocument();
app.MapDefaultEndpoints();
app.UseExperienceDefaults();
app.MapStorefrontApi();
app.MapMarketplaceApi();
app.MapB2bApi();

app.Run();

namespace IntegrationGateway.ExperienceApis
{
    /// <summary>Names this service's entry assembly for test hosts (several services share one test process).</summary>
    public sealed class ExperienceApisEntryPoint;
}
