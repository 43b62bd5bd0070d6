namespace IntegrationGateway.ProcessApis.Sourcing;

public static class SourcingExtensions
{
    public static IHostApplicationBuilder AddSourcing(this IHostApplicationBuilder builder)
    {
        // A singleton, so the ERP's locations are cached once for the whole process (see LocationDirectory.Freshness).
        builder.Services.AddSingleton<LocationDirectory>();
        builder.Services.AddScoped<StockReader>();
        return builder;
    }
}
