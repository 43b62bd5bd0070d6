using IntegrationGateway.Contracts.B2b;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ExperienceApis.Channels;
using IntegrationGateway.ExperienceApis.Storefront;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.ServiceDefaults.Validation;

namespace IntegrationGateway.ExperienceApis.B2b;

public static class AvailabilityEndpoints
{
    public static RouteGroupBuilder MapB2bAvailability(this RouteGroupBuilder b2b)
    {
        b2b.MapPost("/availability/query", QueryAsync)
            .MapToApiVersion(B2bApi.V1)
            .WithName("QueryB2bAvailability")
            .WithSummary("Quotes up to 1000 SKUs: the total, the per-location breakdown and, when nothing is available, the earliest backorder ETA.")
            .RequireAuthorization(Policies.AnyChannel, Policies.ReadAvailability)
            .Produces<B2bAvailability>()
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(503);
        return b2b;
    }

    private static async Task<IResult> QueryAsync(B2bAvailabilityQuery query, HttpContext context, IInventoryProcessClient process, CancellationToken cancellationToken)
    {
        if (SkuItems.Refusal(query.Skus, "skus") is { } badSku)
        {
            return badSku;
        }
        var channel = context.AdmittedChannel();
        var response = await process.QueryChannelAvailabilityAsync(new AvailabilityQuery { Channel = channel, Skus = query.Skus }, cancellationToken);
        return response is { IsSuccessStatusCode: true, Content: { } availability }
            ? TypedResults.Ok(Of(availability))
            : ProcessAnswers.Relay(response, context);
    }

    private static B2bAvailability Of(ChannelAvailability availability) => new()
    {
        Items = availability.Items.Select(i => new B2bSkuAvailability
        {
            Sku = i.Sku,
            Available = i.Available,
            Locations = i.Locations.Select(l => new B2bLocationStock { Location = l.Location, Available = l.Available }).ToList(),
            BackorderEta = i.BackorderEta,
        }).ToList(),
        Unknown = availability.Unknown,
    };
}
