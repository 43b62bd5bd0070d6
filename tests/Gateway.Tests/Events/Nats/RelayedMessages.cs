using System.Collections.Concurrent;
using NATS.Client.Core;

namespace IntegrationGateway.Gateway.Tests.Events.Nats;

/// <summary>
/// Every message published to the product's subjects, as a plain (core) NATS subscriber sees it: the broker hands a
/// publish to core subscribers before JetStream drops a Nats-Msg-Id it has stored already, so a row that relays sent
/// twice is seen twice here even when the stream keeps it once.
/// </summary>
public sealed class RelayedMessages : IAsyncDisposable
{
    private readonly NatsConnection _connection;
    private readonly INatsSub<byte[]> _subscription;
    private readonly Task _reading;
    private readonly ConcurrentQueue<string> _ids = new();

    private RelayedMessages(NatsConnection connection, INatsSub<byte[]> subscription)
    {
        _connection = connection;
        _subscription = subscription;
        _reading = ReadAsync();
    }

    /// <summary>The Nats-Msg-Id of every message seen, in arrival order (the outbox event ids).</summary>
    public IReadOnlyCollection<string> Ids => _ids;

    public static async Task<RelayedMessages> StartAsync(string url)
    {
        var connection = new NatsConnection(new NatsOpts { Url = url });
        var subscription = await connection.SubscribeCoreAsync<byte[]>("inventory.>");
        // The subscription is in place at the broker before anything is published.
        await connection.PingAsync();
        return new RelayedMessages(connection, subscription);
    }

    private async Task ReadAsync()
    {
        await foreach (var message in _subscription.Msgs.ReadAllAsync())
        {
            _ids.Enqueue(message.Headers?["Nats-Msg-Id"].ToString() ?? "(no Nats-Msg-Id)");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _subscription.UnsubscribeAsync();
        await _reading;
        await _connection.DisposeAsync();
    }
}
