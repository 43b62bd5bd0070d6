using IntegrationGateway.ServiceDefaults.Feeds;
using IntegrationGateway.Contracts.Process;

namespace IntegrationGateway.ExperienceApis.ReadModels;

/// <summary>
/// Follows the process API's events feed (a long poll through the generated client) and applies each
/// inventory.availability.changed event to its channel's view. A channel seen for the first time is built from its
/// published figures; a SKU whose sequence jumps is re-read, so a missed event costs one read, not a wrong figure.
/// </summary>
public sealed class ReadModelFeeder(IServiceScopeFactory scopes, AvailabilityReadModel model, TimeProvider time, ILogger<ReadModelFeeder> logger) : BackgroundService
{
    private const int PageSize = 1000;
    private const int WaitSeconds = 3;

    private string? _cursor;
    private long _reached;

    /// <summary>The feed position of the last event this instance has applied or dropped.</summary>
    public long Position { get; private set; }

    // Reads go on answering the last known figures while the feed is down; their Age says since when.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        FeedFollower.RunAsync(FollowOnceAsync, "the process API's events", time, logger, stoppingToken);

    public async Task FollowOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var process = scope.ServiceProvider.GetRequiredService<IInventoryProcessClient>();
        // From the first built view's position; with none, from the start of the retained feed: the first event of a
        // channel builds its view, whose figures are newer than the older events, which their sequence then drops.
        if (_cursor is null && model.StartCursor is { } start)
        {
            _cursor = start;
            _reached = model.StartPosition;
        }
        var response = await process.ListChannelEventsAsync(_cursor, PageSize, WaitSeconds, null, cancellationToken);
        if (response is not { IsSuccessStatusCode: true, Content: { } page })
        {
            throw new HttpRequestException($"The process API's events answered {(int?)response.StatusCode}.", response.Error, response.StatusCode);
        }
        foreach (var e in page.Events.Where(e => e.Availability is not null))
        {
            await model.ApplyAsync(e.Availability!, e.Position, e.Time, cancellationToken);
        }
        _cursor = page.NextCursor;
        if (page.Events.Count > 0)
        {
            Position = page.Events[^1].Position;
            _reached = Math.Max(_reached, Position);
        }
        model.Heard(applied: page.Events.Count > 0);
        model.Followed(_reached, page.HeadPosition);
    }
}
