using System.Text.Json;
using Dapper;
using IntegrationGateway.ProcessApis.Changes;
using IntegrationGateway.ProcessApis.Webhooks;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.TestSupport.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IntegrationGateway.ProcessApis.Tests.Webhooks;

public sealed class FanOutPlanOnSqliteTests() : FanOutPlanTests(SqlProvider.Sqlite, null)
{
}

public sealed class FanOutPlanOnPostgresTests(PostgresFixture postgres) : FanOutPlanTests(SqlProvider.Postgres, postgres), IClassFixture<PostgresFixture>
{
}

/// <summary>
/// The batch fan-out against a real process schema: figures of one subscription x SKU merge within a batch and into a
/// stored message not yet attempted, covered figures add nothing, an order event keeps its place, and a stored message
/// a sender takes between the plan and its write is left alone, its figures queued as a new message in its place.
/// </summary>
public abstract class FanOutPlanTests(SqlProvider provider, PostgresFixture? postgres) : IAsyncLifetime
{
    private const long Now = 1_000_000;
    private const string Subscription = "sub-1";
    private readonly string _sku = "FP-" + Guid.NewGuid().ToString("N")[..8];
    private Database _database = null!;
    private string? _folder;
    private long _position;

    public async Task InitializeAsync()
    {
        string connectionString;
        if (provider == SqlProvider.Sqlite)
        {
            _folder = Directory.CreateTempSubdirectory("ig-fanout-").FullName;
            connectionString = $"Data Source={Path.Combine(_folder, "process.db")}";
        }
        else
        {
            connectionString = await postgres!.CreateDatabaseAsync();
        }
        _database = new Database(Options.Create(new StorageOptions { Provider = provider, ConnectionString = connectionString }));
        await new SchemaMigrator(_database, typeof(ProcessApi).Assembly, TimeProvider.System, NullLogger<SchemaMigrator>.Instance).StartAsync(CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Figures_of_one_sku_merge_within_a_batch_and_an_order_event_keeps_its_place()
    {
        var other = _sku + "-B";
        var first = Figure(_sku, 1, available: 9, previous: 10);
        var second = Figure(_sku, 2, available: 8, previous: 9);
        var elsewhere = Figure(other, 1, available: 4, previous: 5);
        var order = OrderEvent(_sku);
        var third = Figure(_sku, 3, available: 7, previous: 8);
        var fourth = Figure(_sku, 4, available: 6, previous: 7);

        await FanOutAsync([first, second, elsewhere, order, third, fourth]);

        var messages = await MessagesAsync();
        Assert.Equal([second.EventId, elsewhere.EventId, order.EventId, fourth.EventId], messages.Select(m => m.WebhookId));
        AssertCovers(messages[0], from: 1, to: 2, available: 8, previous: 10);
        AssertCovers(messages[1], from: 1, to: 1, available: 4, previous: 5);
        Assert.Equal(0, messages[2].Mergeable);
        AssertCovers(messages[3], from: 3, to: 4, available: 6, previous: 8);
    }

    [Fact]
    public async Task A_stored_message_not_yet_attempted_absorbs_newer_figures_and_covered_ones_add_nothing()
    {
        await FanOutAsync([Figure(_sku, 5, available: 9, previous: 12)]);
        var stored = Assert.Single(await MessagesAsync());
        var sixth = Figure(_sku, 6, available: 8, previous: 9);
        var seventh = Figure(_sku, 7, available: 7, previous: 8);

        await FanOutAsync([sixth, seventh]);
        // Replayed figures at or under what the queue has carried are already covered.
        await FanOutAsync([Figure(_sku, 6, available: 8, previous: 9), Figure(_sku, 7, available: 7, previous: 8)]);

        var message = Assert.Single(await MessagesAsync());
        Assert.Equal(stored.Id, message.Id);
        Assert.Equal(seventh.EventId, message.WebhookId);
        AssertCovers(message, from: 5, to: 7, available: 7, previous: 12);
    }

    [Fact]
    public async Task Only_the_stream_and_snapshots_count_as_covered_not_a_replay_above_them()
    {
        await FanOutAsync([Figure(_sku, 5, available: 9, previous: 12)]);
        await WriteAsync(async (connection, transaction) =>
        {
            // Delivered, then a replay of a later figure queued as it was (never merged, never covering).
            await connection.ExecuteAsync("UPDATE webhook_messages SET state = 'delivered', attempts = 1", transaction: transaction);
            var replayed = Figure(_sku, 9, available: 5, previous: 6);
            await WebhookMessages.InsertAsync(connection, transaction, Subscription, replayed.OrderKey, replayed.EventId, replayed.Type, mergeable: false,
                9, 9, null, WebhookEvents.Body(replayed), Now, CancellationToken.None);
        });
        var sixth = Figure(_sku, 6, available: 8, previous: 9);

        await FanOutAsync([Figure(_sku, 5, available: 9, previous: 12), sixth]);

        var messages = await MessagesAsync();
        Assert.Equal(3, messages.Count);
        Assert.Equal(sixth.EventId, messages[2].WebhookId);
        AssertCovers(messages[2], from: 6, to: 6, available: 8, previous: 9);
    }

    [Fact]
    public async Task A_message_already_attempted_is_never_changed()
    {
        await FanOutAsync([Figure(_sku, 1, available: 3, previous: 4)]);
        await SetAttemptsAsync(1);
        var second = Figure(_sku, 2, available: 2, previous: 3);

        await FanOutAsync([second]);

        var messages = await MessagesAsync();
        Assert.Equal(2, messages.Count);
        AssertCovers(messages[0], from: 1, to: 1, available: 3, previous: 4);
        Assert.Equal(second.EventId, messages[1].WebhookId);
        AssertCovers(messages[1], from: 2, to: 2, available: 2, previous: 3);
    }

    [Fact]
    public async Task A_message_taken_between_plan_and_write_is_left_alone_and_the_figures_queue_in_its_place()
    {
        await FanOutAsync([Figure(_sku, 1, available: 5, previous: 6)]);
        var stored = Assert.Single(await MessagesAsync());
        var second = Figure(_sku, 2, available: 4, previous: 5);
        var third = Figure(_sku, 3, available: 3, previous: 4);
        var order = OrderEvent(_sku);
        var fourth = Figure(_sku, 4, available: 2, previous: 3);

        await WriteAsync(async (connection, transaction) =>
        {
            var plan = await FanOutPlan.PrepareAsync(connection, transaction,
                [(Subscription, second), (Subscription, third), (Subscription, order), (Subscription, fourth)], Now, CancellationToken.None);
            Assert.Equal(stored.Id, plan.Messages[0].StoredId);
            // A sender claims the stored message after the plan read it (another instance, on PostgreSQL).
            await connection.ExecuteAsync("UPDATE webhook_messages SET attempts = 1 WHERE id = @Id", new { stored.Id }, transaction);
            Assert.Equal(3, await plan.ApplyAsync(connection, transaction, Now, CancellationToken.None));
        });

        var messages = await MessagesAsync();
        Assert.Equal([stored.WebhookId, third.EventId, order.EventId, fourth.EventId], messages.Select(m => m.WebhookId));
        AssertCovers(messages[0], from: 1, to: 1, available: 5, previous: 6);
        AssertCovers(messages[1], from: 2, to: 3, available: 3, previous: 5);
        AssertCovers(messages[3], from: 4, to: 4, available: 2, previous: 3);
    }

    private Task FanOutAsync(IReadOnlyList<OutboxEvent> events) => WriteAsync(async (connection, transaction) =>
    {
        var plan = await FanOutPlan.PrepareAsync(connection, transaction, [.. events.Select(e => (Subscription, e))], Now, CancellationToken.None);
        await plan.ApplyAsync(connection, transaction, Now, CancellationToken.None);
    });

    // One write transaction, committed when the step is done, as the fan-out runs it.
    private async Task WriteAsync(Func<System.Data.Common.DbConnection, System.Data.Common.DbTransaction, Task> step)
    {
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        await using var transaction = await Database.BeginWriteAsync(connection, CancellationToken.None);
        await step(connection, transaction);
        await transaction.CommitAsync();
    }

    private async Task SetAttemptsAsync(int attempts)
    {
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("UPDATE webhook_messages SET attempts = @attempts", new { attempts });
    }

    private async Task<List<StoredMessage>> MessagesAsync()
    {
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        return [.. await connection.QueryAsync<StoredMessage>("""
            SELECT id AS Id, webhook_id AS WebhookId, mergeable AS Mergeable, first_sequence AS FirstSequence, last_sequence AS LastSequence,
                   previous AS Previous, body AS Body
            FROM webhook_messages ORDER BY id
            """)];
    }

    // The stored columns and the body agree on the range, the newest figure and the one before the range.
    private static void AssertCovers(StoredMessage message, long from, long to, int available, int previous)
    {
        Assert.Equal(1, message.Mergeable);
        Assert.Equal(from, message.FirstSequence);
        Assert.Equal(to, message.LastSequence);
        var data = JsonDocument.Parse(message.Body).RootElement.GetProperty("data");
        Assert.Equal(available, data.GetProperty("available").GetInt32());
        Assert.Equal(previous, data.GetProperty("previous").GetInt32());
        Assert.Equal(to, data.GetProperty("sequence").GetInt64());
        Assert.Equal(from, data.GetProperty("coveredSequences").GetProperty("from").GetInt64());
        Assert.Equal(to, data.GetProperty("coveredSequences").GetProperty("to").GetInt64());
    }

    private OutboxEvent Figure(string sku, long sequence, int available, int previous) => new()
    {
        Position = ++_position,
        EventId = Guid.NewGuid().ToString("N"),
        Type = OutboxEvent.AvailabilityChanged,
        Subject = $"marketplace/{sku}",
        ChannelId = "marketplace",
        Sku = sku,
        Sequence = sequence,
        Data = JsonSerializer.Serialize(new { channel = "marketplace", sku, available, previous, sequence }),
        OccurredAt = Now,
    };

    private OutboxEvent OrderEvent(string sku) => new()
    {
        Position = ++_position,
        EventId = Guid.NewGuid().ToString("N"),
        Type = "order.reserved",
        Subject = "order-1",
        ChannelId = "marketplace",
        Sku = sku,
        Data = JsonSerializer.Serialize(new { orderId = "order-1", sku }),
        OccurredAt = Now,
    };

    private sealed record StoredMessage
    {
        public long Id { get; init; }
        public string WebhookId { get; init; } = "";
        public int Mergeable { get; init; }
        public long? FirstSequence { get; init; }
        public long? LastSequence { get; init; }
        public int? Previous { get; init; }
        public string Body { get; init; } = "";
    }
}
