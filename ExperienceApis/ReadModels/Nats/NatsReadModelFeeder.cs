using System.Globalization;
using System.Text.Json;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ServiceDefaults.Events;
using Microsoft.Extensions.Options;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace IntegrationGateway.ExperienceApis.ReadModels.Nats;

/// <summary>
/// Keeps this instance's read models from the JetStream stream instead of the HTTP feed: a consumer of its own (each
/// instance holds its own views), from the stream's last message on, each message's AvailabilityChange applied by
/// sequence as <see cref="ReadModelFeeder"/> applies the feed's (a repeat is dropped, a gap re-reads the SKU), and
/// acknowledged once applied. After a failure it starts again the same way: a new consumer, and the views already
/// built read again, since what was stored before the consumer's start is in any figures read after it.
/// </summary>
public sealed class NatsReadModelFeeder(AvailabilityReadModel model, INatsJSContext js, IOptions<EventsOptions> options, TimeProvider time, ILogger<NatsReadModelFeeder> logger) : BackgroundService
{
    private static readonly TimeSpan AfterFailure = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ContactEvery = TimeSpan.FromSeconds(2);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Short pulls with frequent heartbeats: after the broker restarts, the next pull goes out within seconds.
    private static readonly NatsJSConsumeOpts Pulls = new() { MaxMsgs = 1000, Expires = TimeSpan.FromSeconds(5), IdleHeartbeat = TimeSpan.FromSeconds(1) };
    private long _position;
    private long _duplicates;
    private long _starts;
    private bool _consuming;

    /// <summary>The outbox position (Ig-Position) of the last event this instance has applied or dropped.</summary>
    public long Position => Interlocked.Read(ref _position);

    /// <summary>Events delivered again (a broker redelivery or a relay's re-publish) and dropped by their sequence.</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>How many times a consumer was created (1 while nothing failed).</summary>
    public long Starts => Interlocked.Read(ref _starts);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var contact = new CancellationTokenSource();
        var heartbeat = HeartbeatAsync(contact.Token);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await FollowAsync(stoppingToken);
                }
                catch (Exception failure) when (failure is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // Reads go on answering the last known figures; their Age says since when.
                    logger.LogWarning(failure, "Following the availability stream failed; starting a new consumer");
                    await Task.Delay(AfterFailure, time, stoppingToken);
                }
            }
        }
        finally
        {
            await contact.CancelAsync();
            await heartbeat;
        }
    }

    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var stream = await InventoryStream.EnsureAsync(js, settings, cancellationToken);
        var last = stream.Info.State.LastSeq;
        foreach (var channel in model.Channels.ToList())
        {
            if (model.Built(channel) is { } view)
            {
                await model.RefreshAsync(view, null, cancellationToken);
            }
        }
        // From the last stored message itself: it is older than the figures just read (so it is dropped), and it
        // tells the outbox position this instance has reached.
        var config = new ConsumerConfig($"experience-{Guid.NewGuid():N}")
        {
            AckPolicy = ConsumerConfigAckPolicy.Explicit,
            DeliverPolicy = last == 0 ? ConsumerConfigDeliverPolicy.All : ConsumerConfigDeliverPolicy.ByStartSequence,
            OptStartSeq = last,
            FilterSubject = InventoryStream.SubjectPrefix + ".>",
            AckWait = TimeSpan.FromSeconds(30),
            // The broker removes the consumer of an instance that is gone.
            InactiveThreshold = TimeSpan.FromMinutes(10),
        };
        var consumer = await js.CreateOrUpdateConsumerAsync(settings.Nats.Stream, config, cancellationToken);
        Interlocked.Increment(ref _starts);
        Volatile.Write(ref _consuming, true);
        try
        {
            await foreach (var message in consumer.ConsumeAsync<byte[]>(opts: Pulls, cancellationToken: cancellationToken))
            {
                await ApplyAsync(message, cancellationToken);
                await message.AckAsync(cancellationToken: cancellationToken);
            }
        }
        finally
        {
            Volatile.Write(ref _consuming, false);
            await ForgetAsync(settings.Nats.Stream, config.Name!);
        }
    }

    private async Task ApplyAsync(INatsJSMsg<byte[]> message, CancellationToken cancellationToken)
    {
        var position = message.Headers?.TryGetValue(InventoryStream.PositionHeader, out var header) == true
            && long.TryParse(header.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var read) ? read : 0;
        if (message.Data is { Length: > 0 } data && JsonSerializer.Deserialize<AvailabilityChange>(data, Json) is { } change)
        {
            // The broker's time of storing the message stands for the source's: the relay publishes right after commit.
            if (await model.ApplyAsync(change, position, message.Metadata?.Timestamp, cancellationToken) == ApplyResult.Duplicate)
            {
                Interlocked.Increment(ref _duplicates);
            }
        }
        if (position > Position)
        {
            Interlocked.Exchange(ref _position, position);
        }
        model.Heard(applied: true);
        // The broker counts the stream's messages after this one that this consumer has still to get.
        model.Followed(Position, Position + (long)(message.Metadata?.NumPending ?? 0));
    }

    /// <summary>While the connection to the broker is up, the stream is followed: Age stays 0 even when nothing changes.</summary>
    private async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (js.Connection.ConnectionState == NatsConnectionState.Open && Starts > 0)
            {
                model.Heard(applied: false);
                if (Volatile.Read(ref _consuming))
                {
                    model.ConfirmCaughtUp();
                }
            }
            try
            {
                await Task.Delay(ContactEvery, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ForgetAsync(string stream, string consumer)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), time);
            await js.DeleteConsumerAsync(stream, consumer, timeout.Token);
        }
        catch (Exception failure) when (failure is NatsException or OperationCanceledException)
        {
            // The inactive threshold removes it.
        }
    }
}
