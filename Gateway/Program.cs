using IntegrationGateway.Gateway.Docs;
using IntegrationGateway.Gateway.RateLimiting;
using IntegrationGateway.Gateway.Security;
using IntegrationGateway.Gateway.Tokens;
using IntegrationGateway.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

if (TokenCommand.IsInvoked(args))
{
    return TokenCommand.Run(args, builder.Configuration, builder.Environment);
}

builder.AddServiceDefaults();
builder.Services.AddGatewayPolicies();
builder.Services.AddClientRateLimits();
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));

var app = builder.Build();

app.UseServiceDefaults();
app.UseRateLimiter();
app.UsePartnerDocs();
app.MapDefaultEndpoints();
app.MapReverseProxy();

app.Run();
return 0;

namespace IntegrationGateway.Gateway
{
    /// <summary>Names this service's entry assembly for test hosts (several services share one test process).</summary>
    public sealed class GatewayEntryPoint;
}
