namespace IntegrationGateway.ProcessApis.Backorders;

public static class BackordersExtensions
{
    public static IHostApplicationBuilder AddBackorders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<Resourcing>();
        builder.Services.AddScoped<BackorderFiller>();
        builder.Services.AddOptions<BackorderOptions>().Bind(builder.Configuration.GetSection(BackorderOptions.Section))
            .Validate(o => o.FillInterval > TimeSpan.Zero, "Backorders:FillInterval must be positive.")
            .ValidateOnStart();
        builder.Services.AddHostedService<BackorderSweeper>();
        return builder;
    }
}
