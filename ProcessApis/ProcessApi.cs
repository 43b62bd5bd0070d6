using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.Contracts.Wms;
using IntegrationGateway.ProcessApis.Availability;
using IntegrationGateway.ProcessApis.Backorders;
using IntegrationGateway.ProcessApis.Channels;
using IntegrationGateway.ProcessApis.Events;
using IntegrationGateway.ProcessApis.Feeds;
using IntegrationGateway.ProcessApis.Fulfilment;
using IntegrationGateway.ProcessApis.Holds;
using IntegrationGateway.ProcessApis.Idempotency;
using IntegrationGateway.ProcessApis.OrderBook;
using IntegrationGateway.ProcessApis.Orders;
using IntegrationGateway.ProcessApis.Sourcing;
using IntegrationGateway.ProcessApis.Steps;
using IntegrationGateway.ProcessApis.Webhooks;
using IntegrationGateway.ServiceDefaults.Downstream;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.ServiceDefaults.Validation;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IntegrationGateway.ProcessApis;

public static class ProcessApi
{
    public const string DocumentName = "inventory-v1";

    public static IHostApplicationBuilder AddInventoryProcess(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureSwaggerGen(options => options.AddSkuItemBounds((typeof(AvailabilityQuery), "skus")));
        builder.AddStorage(typeof(ProcessApi).Assembly);
        // The ERP is the nearest layer to its own failures, so this layer retries its transient answers.
        builder.AddDownstreamClient<IErpClient>("Erp", DownstreamRetry.TransientFailures);
        builder.AddDownstreamClient<IWmsClient>("Wms", DownstreamRetry.TransientFailures);
        builder.Services.TryAddSingleton<IStepHook, NoStepHook>();

        // Each feature registers its own services; background passes start in this order.
        builder.AddIdempotency();
        builder.AddChannels();
        builder.AddFeeds();
        builder.AddSourcing();
        builder.AddOrderBook();
        builder.AddOrders();
        builder.AddCartHolds();
        builder.AddFulfilment();
        builder.AddBackorders();
        builder.AddEvents();
        builder.AddWebhooks();
        return builder;
    }

    public static WebApplication MapInventoryProcessApi(this WebApplication app)
    {
        var process = app.MapGroup("/process/v1").WithGroupName(DocumentName).WithContractValidation();
        process.MapAvailability().MapOrders().MapFulfilment().MapChannels().MapFeeds().MapHolds().MapChannelEvents();
        process.MapWebhooks();
        return app;
    }
}
