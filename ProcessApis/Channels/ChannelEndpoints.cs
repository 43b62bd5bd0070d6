using System.Security.Claims;
using System.Text.RegularExpressions;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ProcessApis.Sourcing;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.ServiceDefaults.Validation;

namespace IntegrationGateway.ProcessApis.Channels;

/// <summary>Channels are data an operator puts: adding a second marketplace is a PUT, not a release.</summary>
public static partial class ChannelEndpoints
{
    public static RouteGroupBuilder MapChannels(this RouteGroupBuilder process)
    {
        process.MapGet("/channels", ListAsync)
            .WithName("ListChannels")
            .WithSummary("Lists every channel with its eligible locations, sourcing strategy and rules.")
            .RequireAuthorization(Policies.Admin)
            .Produces<ICollection<Channel>>();
        process.MapGet("/channels/{id}", GetAsync)
            .WithName("GetChannel")
            .WithSummary("Reads one channel; a token bound to a channel may read its own.")
            .RequireAuthorization()
            .Produces<Channel>()
            .ProducesProblem(403).ProducesProblem(404);
        process.MapPut("/channels/{id}", UpsertAsync)
            .WithName("UpsertChannel")
            .WithSummary("Creates or replaces a channel: its type, sourcing strategy, eligible locations and rules per SKU class.")
            .RequireAuthorization(Policies.Admin)
            .Produces<Channel>()
            .Produces<Channel>(201)
            .ProducesProblem(400).ProducesProblem(503);
        return process;
    }

    private static async Task<IResult> ListAsync(ChannelStore channels, CancellationToken cancellationToken) =>
        TypedResults.Ok(await channels.ListAsync(cancellationToken));

    // A channel's experience API asks for its own channel's type with the channel's token.
    private static async Task<IResult> GetAsync([Id] string id, ClaimsPrincipal user, ChannelStore channels, CancellationToken cancellationToken)
    {
        if (!ChannelAccess.Allows(user, id))
        {
            return ChannelAccess.Forbidden(id);
        }
        return await channels.FindAsync(id, cancellationToken) is { } channel ? TypedResults.Ok(channel) : Problem.NotFound($"No channel {id}.");
    }

    private static async Task<IResult> UpsertAsync([Id] string id, ChannelDefinition definition, ChannelStore channels, IErpClient erp, CancellationToken cancellationToken)
    {
        var errors = Errors(id, definition);
        if (errors.Count == 0)
        {
            // A location the ERP does not know would silently leave the channel with nothing to sell.
            var known = ErpAnswers.Content(await erp.ListLocationsAsync(cancellationToken)).Select(l => l.Code).ToHashSet(StringComparer.Ordinal);
            foreach (var (location, index) in (definition.Locations ?? []).Select((l, i) => (l.Location, i)).Where(l => !known.Contains(l.Location)))
            {
                errors[$"locations[{index}].location"] = [$"The ERP has no location '{location}'."];
            }
        }
        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }
        var created = await channels.UpsertAsync(id, definition, cancellationToken);
        var channel = await channels.FindAsync(id, cancellationToken);
        return created ? TypedResults.Created($"/process/v1/channels/{Uri.EscapeDataString(id)}", channel) : TypedResults.Ok(channel);
    }

    public static Dictionary<string, string[]> Errors(string id, ChannelDefinition definition)
    {
        var errors = RequestValidation.Errors(definition);
        if (!ChannelId().IsMatch(id))
        {
            errors["id"] = ["A channel id is 1 to 64 letters, digits, '.', '_' or '-'."];
        }
        if (!Enum.IsDefined(definition.Type))
        {
            errors["type"] = ["Name a channel type: storefront, marketplace or b2b."];
        }
        if (definition.SourcingStrategy is { } strategy && !Enum.IsDefined(strategy))
        {
            errors["sourcingStrategy"] = ["Name a sourcing strategy: priority or highest-stock."];
        }
        if ((definition.Locations ?? []).Where(l => l is not null).GroupBy(l => l.Location, StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            errors["locations"] = ["Each location may be listed once."];
        }
        if ((definition.Rules ?? []).Where(r => r is not null).GroupBy(r => r.SkuClass, StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            errors["rules"] = ["Each SKU class may have one rule."];
        }
        return errors;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex ChannelId();
}
