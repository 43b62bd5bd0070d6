using System.Security.Claims;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ProcessApis.Channels;
using IntegrationGateway.ProcessApis.Holds;
using IntegrationGateway.ProcessApis.Sourcing;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.ServiceDefaults.Validation;
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
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(503);
        process.MapPost("/availability/query", QueryAsync)
            .WithName("QueryChannelAvailability")
            .WithSummary("Channel availability of up to 1000 SKUs named in a body, with the earliest backorder ETA of each SKU the channel is told 0 of.")
            .RequireAuthorization(Policies.ReadAvailability)
            .Produces<ChannelAvailability>()
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(503);
        return process;
    }

    private static async Task<IResult> GetAsync(
        [FromQuery, Id] string channel, [FromQuery(Name = "sku"), SkuItems] string[] sku, [FromQuery, CartId] string? cartId, ClaimsPrincipal user, ChannelStore channels, HeldStock stock, CancellationToken cancellationToken)
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
        return await AnswerAsync(channel, skus, cartId, user, channels, stock, cancellationToken);
    }

    // The GET's read with the SKUs in a body: a long list fits, where a thousand query parameters overflow a request line.
    private static async Task<IResult> QueryAsync(AvailabilityQuery query, ClaimsPrincipal user, ChannelStore channels, HeldStock stock, CancellationToken cancellationToken)
    {
        if (SkuItems.Refusal(query.Skus, "skus") is { } badSku)
        {
            return badSku;
        }
        return await AnswerAsync(query.Channel, query.Skus.Distinct(StringComparer.Ordinal).ToList(), query.CartId, user, channels, stock, cancellationToken);
    }

    private static async Task<IResult> AnswerAsync(
        string channel, IReadOnlyList<string> skus, string? cartId, ClaimsPrincipal user, ChannelStore channels, HeldStock stock, CancellationToken cancellationToken)
    {
        if (!ChannelAccess.Allows(user, channel))
        {
            return ChannelAccess.Forbidden(channel);
        }
        if (await channels.FindAsync(channel, cancellationToken) is not { } definition)
        {
            return Problem.NotFound($"No channel {channel}.");
        }
        // Holds are judged now: an expired one counts as free before the sweeper releases it, and a cart's own never count against it.
        var snapshot = await stock.ReadAsync(skus, definition, cartId, cancellationToken);
        return TypedResults.Ok(ChannelAvailabilityOf(definition, skus, snapshot));
    }

    /// <summary>
    /// Channel availability: the sum of available-to-sell over the locations that serve the channel, shaped by the
    /// channel's rule for the SKU's class. The per-location figures stay raw, so a reader can see what was held back.
    /// A SKU published as 0 carries the earliest supplier ETA at those locations, so a buyer can plan a backorder.
    /// </summary>
    public static ChannelAvailability ChannelAvailabilityOf(Channel channel, IReadOnlyList<string> skus, StockSnapshot snapshot)
    {
        var balances = snapshot.Balances.ToLookup(b => b.Sku, StringComparer.Ordinal);
        return new ChannelAvailability
        {
            Channel = channel.Id,
            Items = skus.Where(snapshot.KnownSkus.Contains).Select(s =>
            {
                var locations = balances[s].Select(b => new LocationAvailability { Location = b.Location, Available = b.Available }).ToList();
                var rule = ChannelRules.For(channel.Rules, snapshot.SkuClasses[s]);
                var available = ChannelRules.Published(locations.Sum(l => l.Available), rule);
                return new SkuAvailability
                {
                    Sku = s,
                    Available = available,
                    Locations = locations,
                    BackorderEta = available == 0 ? balances[s].Min(b => b.InboundEta) : null,
                };
            }).ToList(),
            Unknown = skus.Where(s => !snapshot.KnownSkus.Contains(s)).ToList(),
        };
    }
}
