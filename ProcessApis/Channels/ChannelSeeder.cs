using IntegrationGateway.Contracts.Process;

namespace IntegrationGateway.ProcessApis.Channels;

/// <summary>
/// Adds the three channels the product ships with, each served by every ERP location and with no rules, unless
/// they already exist: an operator's later changes are never overwritten at start-up.
/// </summary>
public sealed class ChannelSeeder(ChannelStore channels, ILogger<ChannelSeeder> logger) : IHostedService
{
    private static readonly (string Id, ChannelType Type)[] Defaults =
    [
        ("storefront", ChannelType.Storefront),
        ("marketplace", ChannelType.Marketplace),
        ("b2b", ChannelType.B2b),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (id, type) in Defaults)
        {
            if (await channels.AddIfAbsentAsync(id, type, cancellationToken))
            {
                logger.LogInformation("Seeded channel {Channel}", id);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
