using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ProcessApis.Channels;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Feeds;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Mvc;
using IntegrationGateway.ProcessApis.Changes;

namespace IntegrationGateway.ProcessApis.Events;

public static class EventEndpoints
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 1000;
    public const int MaxWaitSeconds = 30;
    public const string Source = "/process/v1";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapChannelEvents(this RouteGroupBuilder process)
    {
        process.MapGet("/events", ListAsync)
            .WithName("ListChannelEvents")
            .WithSummary("The events this API publishes (inventory.availability.changed), in commit order; waits up to wait seconds for the next one when none is there yet.")
            .RequireAuthorization(Policies.ReadAvailability)
            .Produces<ChannelEventPage>()
            .ProducesProblem(400);
        process.MapGet("/channels/{id}/availability", FiguresAsync)
            .WithName("ListPublishedAvailability")
            .WithSummary("What the channel was last told of each SKU, with each SKU's sequence and the events cursor to follow changes from: a read model is built from this, then kept by the events.")
            .RequireAuthorization(Policies.ReadAvailability)
            .Produces<PublishedAvailabilityPage>()
            .ProducesProblem(400).ProducesProblem(404);
        return process;
    }

    private static async Task<IResult> ListAsync(
        ClaimsPrincipal user, EventFeedStore store, FeedSignal signal, TimeProvider time, CancellationToken cancellationToken,
        [FromQuery(Name = "after"), Cursor] string? after = null, [FromQuery(Name = "limit"), Range(1, MaxLimit)] int limit = DefaultLimit,
        [FromQuery(Name = "wait"), Range(0, MaxWaitSeconds)] int wait = 0, [FromQuery(Name = "channel"), Id] string? channel = null)
    {
        if (!PositionCursor.TryDecode(after, out var afterPosition))
        {
            return Problem.Validation("after", "Pass the nextCursor of the previous page, unchanged.");
        }
        // A channel's client follows its own channel only; a service token without a channel follows them all.
        if (user.Channel() is { } bound && channel != bound)
        {
            return ChannelAccess.Forbidden(channel ?? "*");
        }
        var rows = await FeedPoll.ReadAsync(token => store.PageAsync(afterPosition, limit, channel, token), signal, TimeSpan.FromSeconds(wait), time, cancellationToken,
            channel is null ? new FeedPoll.Whole<OutboxEvent>(afterPosition, limit, row => row.Position) : null);
        var last = rows.Count > 0 ? rows[^1].Position : afterPosition;
        return TypedResults.Ok(new ChannelEventPage
        {
            Events = rows.Select(ToContract).ToList(),
            NextCursor = PositionCursor.Encode(last),
            // A page of every channel that is not full ends at the newest event it could see; otherwise the head is read
            // after the page, so never behind it: a follower learns how far it is from the newest event.
            HeadPosition = channel is null && rows.Count < limit ? last : Math.Max(last, await store.HeadAsync(cancellationToken)),
        });
    }

    private static async Task<IResult> FiguresAsync(
        [Id] string id, ClaimsPrincipal user, ChannelStore channels, EventFeedStore store, CancellationToken cancellationToken,
        [FromQuery(Name = "after"), Cursor] string? after = null, [FromQuery(Name = "limit"), Range(1, MaxLimit)] int limit = DefaultLimit,
        [FromQuery(Name = "sku"), Sku] string? sku = null)
    {
        if (user.Channel() is { } bound && bound != id)
        {
            return ChannelAccess.Forbidden(id);
        }
        if (!SkuCursor.TryDecode(after, out var afterSku))
        {
            return Problem.Validation("after", "Pass the nextCursor of the previous page, unchanged.");
        }
        if (await channels.FindAsync(id, cancellationToken) is null)
        {
            return Problem.NotFound($"No channel {id}.");
        }
        var (figures, position) = await store.FiguresAsync(id, afterSku, sku, limit + 1, cancellationToken);
        var page = figures.Take(limit).ToList();
        return TypedResults.Ok(new PublishedAvailabilityPage
        {
            Channel = id,
            Items = page.Select(f => new PublishedAvailability
            {
                Sku = f.Sku,
                Available = f.Available,
                Sequence = f.Sequence,
                Locations = JsonSerializer.Deserialize<List<LocationAvailability>>(f.Locations, Json) ?? [],
                BackorderEta = f.BackorderEta is { } eta ? DateTimeOffset.FromUnixTimeMilliseconds(eta) : null,
                UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(f.UpdatedAt),
            }).ToList(),
            NextCursor = figures.Count > limit ? SkuCursor.Encode(page[^1].Sku) : null,
            FeedCursor = PositionCursor.Encode(position),
            FeedPosition = position,
        });
    }

    private static ChannelEvent ToContract(OutboxEvent row) => new()
    {
        Id = row.EventId,
        Type = row.Type,
        Source = Source,
        Subject = row.Subject,
        Time = DateTimeOffset.FromUnixTimeMilliseconds(row.OccurredAt),
        Position = row.Position,
        CorrelationId = row.CorrelationId,
        Availability = row.Type == AvailabilityPublisher.EventType ? JsonSerializer.Deserialize<AvailabilityChange>(row.Data, Json) : null,
    };

    /// <summary>The opaque after-cursor of a page in SKU order: the last SKU it returned.</summary>
    private static class SkuCursor
    {
        public static string Encode(string sku) => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes("s1:" + sku));

        public static bool TryDecode(string? cursor, out string? sku)
        {
            sku = null;
            if (cursor is null)
            {
                return true;
            }
            if (!System.Buffers.Text.Base64Url.IsValid(cursor))
            {
                return false;
            }
            var text = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(cursor));
            sku = text.StartsWith("s1:", StringComparison.Ordinal) && text.Length > 3 ? text[3..] : null;
            return sku is not null;
        }
    }
}
