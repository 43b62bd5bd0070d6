namespace IntegrationGateway.ProcessApis.Idempotency;

public static class IdempotencyExtensions
{
    public static IHostApplicationBuilder AddIdempotency(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IdempotencyStore>();
        return builder;
    }
}
