using IntegrationGateway.ExperienceApis.Channels;
using IntegrationGateway.ExperienceApis.ReadModels;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.OpenApi;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IntegrationGateway.ExperienceApis.Storefront;

/// <summary>
/// Storefront availability reads. Every version asks the process API the same question and differs only in the
/// shape of its answer, so each version supplies its shapes and the handlers are written once.
/// </summary>
public static class AvailabilityEndpoints
{
    public const int MaxSkusPerQuery = 100;

    /// <summary>How one version shapes a SKU's availability and a list of them.</summary>
    public sealed record Shapes<TLevel, TList>(Func<SkuAvailability, int, TLevel> Level, Func<List<TLevel>, List<string>, TList> List)
        where TLevel : notnull where TList : notnull;

    /// <summary>One version's availability routes; the shopper's cart (cartId), whose own holds count as available to it, is taken by every version.</summary>
    public static RouteGroupBuilder MapStorefrontAvailability<TLevel, TList>(this RouteGroupBuilder storefront, Asp.Versioning.ApiVersion version, Shapes<TLevel, TList> shapes)
        where TLevel : notnull where TList : notnull
    {
        storefront.MapGet("/availability/{sku}", ([Sku] string sku, [FromQuery, CartId] string? cartId, HttpContext context, IOptions<StorefrontOptions> options, CancellationToken cancellationToken) =>
                GetOneAsync(sku, cartId, context, options.Value, shapes, cancellationToken))
            .MapToApiVersion(version)
            .WithName($"GetStockLevelV{version.MajorVersion}")
            .WithContractOperation("GetStockLevel")
            .WithSummary("What the storefront may sell of one SKU.")
            .RequireAuthorization(Policies.ChannelBound, Policies.ReadAvailability)
            .Produces<TLevel>()
            .ProducesProblem(404).ProducesProblem(503);
        storefront.MapGet("/availability", ([FromQuery, SkuList] string skus, HttpContext context, IOptions<StorefrontOptions> options, CancellationToken cancellationToken) =>
                GetManyAsync(skus, context, options.Value, shapes, cancellationToken))
            .MapToApiVersion(version)
            .WithName($"ListStockLevelsV{version.MajorVersion}")
            .WithContractOperation("ListStockLevels")
            .WithSummary("What the storefront may sell of several SKUs.")
            .RequireAuthorization(Policies.ChannelBound, Policies.ReadAvailability)
            .Produces<TList>()
            .ProducesProblem(400).ProducesProblem(503);
        return storefront;
    }

    private static async Task<IResult> GetOneAsync<TLevel, TList>(string sku, string? cartId, HttpContext context, StorefrontOptions options, Shapes<TLevel, TList> shapes, CancellationToken cancellationToken)
        where TLevel : notnull where TList : notnull
    {
        var channel = context.AdmittedChannel();
        if (cartId is null)
        {
            // The read model answers: no call to the process API on the read path.
            var (view, failure) = await ReadModelAnswers.ViewAsync(context, channel, cancellationToken);
            if (view is null)
            {
                return failure!;
            }
            if (view.Find(sku) is not { } figure)
            {
                return Problem.NotFound($"No SKU {sku} is sold on this storefront.");
            }
            ReadModelAnswers.Describe(context, [figure]);
            return EntityTags.OkOrNotModified(context, shapes.Level(ReadModelAnswers.ToAvailability(figure), options.LowStockThreshold), ReadModelAnswers.Tag([figure], []));
        }
        // A cart's own holds count as available to it, which only the process API knows. The client is asked for
        // here, not taken by the handler: making one costs more than a read-model answer.
        var process = context.RequestServices.GetRequiredService<IInventoryProcessClient>();
        var response = await process.GetChannelAvailabilityAsync(channel, [sku], cartId, cancellationToken);
        if (response is not { IsSuccessStatusCode: true, Content: { } availability })
        {
            return ProcessAnswers.Relay(response, context);
        }
        return availability.Items.FirstOrDefault() is { } item
            ? EntityTags.OkOrNotModified(context, shapes.Level(item, options.LowStockThreshold))
            : Problem.NotFound($"No SKU {sku} is sold on this storefront.");
    }

    private static async Task<IResult> GetManyAsync<TLevel, TList>(string skus, HttpContext context, StorefrontOptions options, Shapes<TLevel, TList> shapes, CancellationToken cancellationToken)
        where TLevel : notnull where TList : notnull
    {
        var wanted = skus.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count is 0 or > MaxSkusPerQuery)
        {
            return Problem.Validation("skus", $"Name between 1 and {MaxSkusPerQuery} comma-separated SKUs.");
        }
        if (SkuItems.FirstInvalid(wanted) >= 0)
        {
            return Problem.Validation("skus", $"Every SKU has 1 to {ContractLimits.Sku} characters.");
        }
        var channel = context.AdmittedChannel();
        var (view, failure) = await ReadModelAnswers.ViewAsync(context, channel, cancellationToken);
        if (view is null)
        {
            return failure!;
        }
        var figures = wanted.Select(view.Find).OfType<Figure>().ToList();
        var unknown = wanted.Where(s => view.Find(s) is null).ToList();
        ReadModelAnswers.Describe(context, figures);
        var levels = figures.Select(f => shapes.Level(ReadModelAnswers.ToAvailability(f), options.LowStockThreshold)).ToList();
        return EntityTags.OkOrNotModified(context, shapes.List(levels, unknown), ReadModelAnswers.Tag(figures, unknown));
    }
}
