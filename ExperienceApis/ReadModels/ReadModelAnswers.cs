using System.Globalization;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ServiceDefaults.Problems;

namespace IntegrationGateway.ExperienceApis.ReadModels;

/// <summary>How an availability read is answered from a channel's read model.</summary>
public static class ReadModelAnswers
{
    /// <summary>The channel's view; null (and a 503 answer) only when it was never built and the process API cannot build it now.</summary>
    public static async Task<(ChannelView? View, IResult? Failure)> ViewAsync(HttpContext context, string channel, CancellationToken cancellationToken)
    {
        var model = context.RequestServices.GetRequiredService<AvailabilityReadModel>();
        if (model.Built(channel) is { } built)
        {
            return (built, null);
        }
        try
        {
            return (await model.ViewAsync(channel, cancellationToken), null);
        }
        catch (HttpRequestException)
        {
            return (null, Problem.Result(503, ProblemTypes.DependencyUnavailable, "Availability is not known yet.",
                "This instance has not read the channel's figures yet and the process API does not answer; try again shortly."));
        }
    }

    public static SkuAvailability ToAvailability(Figure figure) =>
        new() { Sku = figure.Sku, Available = figure.Available, Locations = figure.Locations.ToList() };

    /// <summary>
    /// The answer says how old it may be: Age is the seconds since this instance last heard from the events feed
    /// (0 while it follows it), Last-Modified when the newest of the figures changed.
    /// </summary>
    public static void Describe(HttpContext context, IEnumerable<Figure> figures)
    {
        var model = context.RequestServices.GetRequiredService<AvailabilityReadModel>();
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var age = model.LastContact is { } contact ? Math.Max(0, (long)(now - contact).TotalSeconds) : 0;
        context.Response.Headers.Age = age.ToString(CultureInfo.InvariantCulture);
        if (figures.Select(f => f.UpdatedAt).DefaultIfEmpty().Max() is { } modified && modified != default)
        {
            context.Response.Headers.LastModified = modified.ToString("R", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>An ETag from the figures' sequences: it changes exactly when one of them is republished.</summary>
    public static string Tag(IEnumerable<Figure> figures, IEnumerable<string> unknown) =>
        "\"" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            string.Join(",", figures.Select(f => $"{f.Sku}:{f.Sequence}")) + "|" + string.Join(",", unknown))), 0, 12) + "\"";
}
