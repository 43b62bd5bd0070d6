using System.Security.Claims;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ProcessApis.Sourcing;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationGateway.ProcessApis.Availability;

public static class AvailabilityEndpoints
{
    public const int MaxSkusPerQuery = 1000;

    public static RouteGroupBuilder MapAvailability(this RouteGroupBuilder process)
    {
        process.MapGet("/availability", GetAsync)
            .WithName("GetChannelAvailability")
            .WithSummary("Channel availability of one or more SKUs, in total and per location.")
            .RequireAuthorization(Policies.ReadAvailability)
            .Produces<ChannelAvailability>()
            .ProducesProblem(400).ProducesProblem(503);
        return process;
    }

    private static async Task<IResult> GetAsync(
        [FromQuery] string channel, [FromQuery(Name = "sku")] string[] sku, ClaimsPrincipal user, StockReader stock, CancellationToken cancellationToken)
    {
        var skus = sku.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToList();
        if (skus.Count == 0 || skus.Count > MaxSkusPerQuery)
        {
            return Problem.Validation("sku", $"Name between 1 and {MaxSkusPerQuery} SKUs.");
        }
        if (string.IsNullOrWhiteSpace(channel) || channel.Length > 64)
        {
            return Problem.Validation("channel", "Name the channel (at most 64 characters).");
        }
        if (!ChannelAccess.Allows(user, channel))
        {
            return ChannelAccess.Forbidden(channel);
        }
        var snapshot = await stock.ReadAsync(skus, cancellationToken);
        return TypedResults.Ok(ChannelAvailabilityOf(channel, skus, snapshot));
    }

    /// <summary>Channel availability: the sum of available-to-sell over the locations that serve the channel.</summary>
    public static ChannelAvailability ChannelAvailabilityOf(string channel, IReadOnlyList<string> skus, StockSnapshot snapshot) => new()
    {
        Channel = channel,
        Items = skus.Where(snapshot.KnownSkus.Contains).Select(s =>
        {
            var locations = snapshot.Balances.Where(b => b.Sku == s)
                .Select(b => new LocationAvailability { Location = b.Location, Available = b.Available }).ToList();
            return new SkuAvailability { Sku = s, Available = locations.Sum(l => l.Available), Locations = locations };
        }).ToList(),
        Unknown = skus.Where(s => !snapshot.KnownSkus.Contains(s)).ToList(),
    };
}
