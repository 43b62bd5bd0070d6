using IntegrationGateway.AppHost;

// The whole stack on one command: the three API layers and the gateway on SQLite with demo data, plus the
// Aspire dashboard. `--reset-data` starts again from an empty data folder; `--nats` carries the availability events
// over a local nats-server (JetStream) instead of the process API's HTTP feed.
var reset = args.Contains(LocalData.ResetSwitch);
var builder = DistributedApplication.CreateBuilder(args.Where(a => a != LocalData.ResetSwitch && a != NatsBroker.Switch).ToArray());
var data = LocalData.Prepare(builder.AppHostDirectory, reset);
var nats = NatsBroker.Wanted(args, builder.Configuration) ? NatsBroker.Add(builder, data) : null;

var erp = builder.AddProject<Projects.SystemApis>("system-erp")
    .WithEnvironment("Storage__Provider", "Sqlite")
    .WithEnvironment("Storage__ConnectionString", data.ConnectionString("erp"))
    .WithEnvironment("Erp__SeedDemoCatalogue", "true")
    .WithHttpHealthCheck("/health");

var process = builder.AddProject<Projects.ProcessApis>("process-inventory")
    .WithEnvironment("Storage__Provider", "Sqlite")
    .WithEnvironment("Storage__ConnectionString", data.ConnectionString("process"))
    .WithEnvironment("Downstream__Erp", erp.GetEndpoint("http"))
    // The WMS system API is served by the same system host as the ERP.
    .WithEnvironment("Downstream__Wms", erp.GetEndpoint("http"))
    .WithHttpHealthCheck("/health")
    .WithNatsEvents(nats)
    .WaitFor(erp);

var storefront = builder.AddProject<Projects.ExperienceApis>("experience-storefront")
    .WithEnvironment("Downstream__Process", process.GetEndpoint("http"))
    .WithHttpHealthCheck("/health")
    .WithNatsEvents(nats)
    .WaitFor(process);

builder.AddProject<Projects.Gateway>("gateway")
    .WithEnvironment("ReverseProxy__Clusters__experience__Destinations__primary__Address", storefront.GetEndpoint("http"))
    .WithEnvironment("ReverseProxy__Clusters__process__Destinations__primary__Address", process.GetEndpoint("http"))
    .WithEnvironment("ReverseProxy__Clusters__system__Destinations__primary__Address", erp.GetEndpoint("http"))
    .WithHttpHealthCheck("/health")
    .WaitFor(storefront);

var app = builder.Build();
Urls.Print(builder.Configuration, data);
app.Run();
