using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IntegrationGateway.ProcessApis.Holds;

public static class CartHoldsExtensions
{
    public static IHostApplicationBuilder AddCartHolds(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HoldOptions>().Bind(builder.Configuration.GetSection(HoldOptions.Section))
            .Validate(o => o.MinTtlSeconds >= 1 && o.MaxTtlSeconds >= o.MinTtlSeconds && o.SweepInterval > TimeSpan.Zero && o.SweepInterval <= TimeSpan.FromDays(1),
                "Holds needs 1 <= MinTtlSeconds <= MaxTtlSeconds and a SweepInterval of at most a day.")
            .ValidateOnStart();
        // Hold expiry has its own clock, so tests can move it without moving the resilience pipeline's time.
        builder.Services.TryAddSingleton(sp => new HoldClock(sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<HoldStore>();
        builder.Services.AddScoped<HeldStock>();
        builder.Services.AddScoped<CartHolding>();
        builder.Services.AddScoped<CartConfirmation>();
        builder.Services.AddSingleton<HoldSweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<HoldSweeper>());
        return builder;
    }
}
