using IntegrationGateway.Contracts.B2b;
using IntegrationGateway.ExperienceApis.Channels;
using IntegrationGateway.ExperienceApis.ReadModels;
using IntegrationGateway.ExperienceApis.Storefront;
using IntegrationGateway.ServiceDefaults.Auth;
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

    // The read model answers, backorder ETAs included (published with each figure): no call to the process API on the read
    // path. The query is safe (x-safe in the contract), so it is tagged and answered 304 like a GET of availability.
    private static async Task<IResult> QueryAsync(B2bAvailabilityQuery query, HttpContext context, CancellationToken cancellationToken)
    {
        if (SkuItems.Refusal(query.Skus, "skus") is { } badSku)
        {
            return badSku;
        }
        var (view, failure) = await ReadModelAnswers.ViewAsync(context, context.AdmittedChannel(), cancellationToken);
        if (view is null)
        {
            return failure!;
        }
        var wanted = query.Skus.Distinct(StringComparer.Ordinal).ToList();
        var figures = wanted.Select(view.Find).OfType<Figure>().ToList();
        var unknown = wanted.Where(s => view.Find(s) is null).ToList();
        ReadModelAnswers.Describe(context, figures);
        return EntityTags.OkOrNotModified(context, Of(figures, unknown), ReadModelAnswers.Tag(figures, unknown));
    }

    private static B2bAvailability Of(IEnumerable<Figure> figures, List<string> unknown) => new()
    {
        Items = figures.Select(f => new B2bSkuAvailability
        {
            Sku = f.Sku,
            Available = f.Available,
            Locations = f.Locations.Select(l => new B2bLocationStock { Location = l.Location, Available = l.Available }).ToList(),
            BackorderEta = f.BackorderEta,
        }).ToList(),
        Unknown = unknown,
    };
}
