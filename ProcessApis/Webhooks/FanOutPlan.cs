using System.Data.Common;
using Dapper;
using IntegrationGateway.ProcessApis.Changes;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.ProcessApis.Webhooks;

/// <summary>
/// What a batch of outbox rows adds to the subscriptions' queues, worked out in memory from one read and written with one
/// multi-row update and one multi-row insert, inside the fan-out's transaction. The rules are those of a message
/// at a time: an availability figure already covered (by the stream or a backfill snapshot) adds nothing; one that
/// finds its subscription x SKU's newest pending message mergeable and untouched supersedes it, keeping the range it
/// covers; anything else is a new message. Under a stream of changes this is three statements a batch instead of three
/// a message, which on PostgreSQL was what held webhooks seconds behind the read models.
/// </summary>
public sealed class FanOutPlan
{
    private readonly Dictionary<(string Subscription, string OrderKey), KeyState> _keys = [];
    private readonly List<Message> _messages = [];

    private FanOutPlan()
    {
    }

    /// <summary>The messages planned, in the order they are to be written (an update stands where its row is queued).</summary>
    public IReadOnlyList<Message> Messages => _messages;

    /// <summary>Plans the queueing of each (subscription, event), in outbox order, against what the queues hold now.</summary>
    public static async Task<FanOutPlan> PrepareAsync(DbConnection connection, DbTransaction transaction,
        IReadOnlyList<(string Subscription, OutboxEvent Event)> queued, long now, CancellationToken cancellationToken)
    {
        var plan = new FanOutPlan();
        var pairs = queued.Where(q => q.Event.Supersedable).Select(q => (q.Subscription, q.Event.OrderKey)).Distinct().ToList();
        // Per subscription x key: the highest sequence carried by a mergeable message or a snapshot, and the newest
        // pending message. Both are index walks from the top (a key's delivered history is not read), one statement
        // per chunk of pairs. VALUES columns are named column1.. on both engines.
        const string head = $"""
            SELECT k.column1 AS Subscription, k.column2 AS OrderKey,
                   (SELECT c.last_sequence FROM webhook_messages c
                    WHERE c.subscription_id = k.column1 AND c.order_key = k.column2 AND c.last_sequence IS NOT NULL
                      AND (c.mergeable = 1 OR c.event_type = '{WebhookEvents.AvailabilitySnapshot}')
                    ORDER BY c.last_sequence DESC LIMIT 1) AS Covered,
                   t.id AS TailId, t.first_sequence AS FirstSequence, t.previous AS Previous, t.mergeable AS Mergeable, t.attempts AS Attempts,
                   t.lease_until AS LeaseUntil
            FROM (
            """;
        const string tail = """
            ) AS k
            LEFT JOIN webhook_messages t ON t.id = (SELECT MAX(p.id) FROM webhook_messages p
                                                   WHERE p.subscription_id = k.column1 AND p.order_key = k.column2 AND p.state = 'pending')
            """;
        foreach (var command in MultiRow.Commands(head, 2, pairs, p => [p.Subscription, p.OrderKey], tail, transaction, cancellationToken))
        {
            foreach (var row in await connection.QueryAsync<KeyRow>(command))
            {
                var state = plan.State(row.Subscription, row.OrderKey);
                state.Covered = row.Covered;
                // A message attempted, or leased by a sender now, keeps its body and webhook-id: it cannot absorb more.
                var open = row is { TailId: not null, Mergeable: true, Attempts: 0 } && (row.LeaseUntil is null || row.LeaseUntil < now);
                state.StoredTail = open ? row : null;
            }
        }
        foreach (var (subscription, e) in queued)
        {
            plan.Add(subscription, e);
        }
        return plan;
    }

    /// <summary>
    /// Writes the plan: the updates first, then every new message in plan order. An update the row no longer allows
    /// (a sender on another instance took it since it was read) becomes a new message at its place, which is before
    /// any newer message of its key, so order per SKU holds. The number of messages written.
    /// </summary>
    public async Task<int> ApplyAsync(DbConnection connection, DbTransaction transaction, long now, CancellationToken cancellationToken)
    {
        var updates = _messages.Where(m => m.StoredId is not null).ToList();
        var updated = new HashSet<long>();
        if (updates.Count > 0)
        {
            // VALUES columns are named column1.. on both engines; the row's state is checked again in the update.
            const string head = "UPDATE webhook_messages AS m SET webhook_id = v.column2, event_type = v.column3, last_sequence = v.column4, body = v.column5\nFROM (";
            const string tail = """
                ) AS v
                WHERE m.id = v.column1 AND m.state = 'pending' AND m.attempts = 0 AND (m.lease_until IS NULL OR m.lease_until < v.column6)
                RETURNING id
                """;
            foreach (var command in MultiRow.Commands(head, 6, updates,
                m => [m.StoredId, m.Latest.EventId, m.Latest.Type, m.Latest.Sequence, m.UpdateBody(), now], tail, transaction, cancellationToken))
            {
                updated.UnionWith(await connection.QueryAsync<long>(command));
            }
        }
        var inserts = _messages.Where(m => m.StoredId is not { } id || !updated.Contains(id)).ToList();
        if (inserts.Count > 0)
        {
            await MultiRow.ExecuteAsync(connection, transaction, """
                INSERT INTO webhook_messages (subscription_id, order_key, webhook_id, event_type, mergeable, first_sequence, last_sequence, previous,
                    body, attempts, state, next_attempt_at, created_at)
                """, 13, inserts,
                m => [m.Subscription, m.Latest.OrderKey, m.Latest.EventId, m.Latest.Type, m.Mergeable ? 1 : 0, m.First, m.Latest.Sequence,
                      m.Previous, m.InsertBody(), 0, WebhookMessages.Pending, now, now],
                "", cancellationToken);
        }
        return updated.Count + inserts.Count;
    }

    private KeyState State(string subscription, string orderKey)
    {
        if (!_keys.TryGetValue((subscription, orderKey), out var state))
        {
            _keys[(subscription, orderKey)] = state = new KeyState();
        }
        return state;
    }

    private void Add(string subscription, OutboxEvent e)
    {
        var state = State(subscription, e.OrderKey);
        if (!e.Supersedable)
        {
            // Kept as it is, and nothing newer of its key may jump ahead of it by merging into an older message.
            state.Tail = Append(new Message(subscription, e, mergeable: false, e.Sequence, previous: null));
            state.StoredTail = null;
            return;
        }
        var sequence = e.Sequence!.Value;
        if (state.Covered >= sequence)
        {
            return;
        }
        state.Covered = sequence;
        if (state.Tail is { Mergeable: true } tail)
        {
            tail.Supersede(e);
        }
        else if (state.Tail is null && state.StoredTail is { } stored)
        {
            // The stored row absorbs the figure; should the update find it taken, this batch's first figure of the
            // key starts the new message, so the fallback's range begins there.
            state.Tail = Append(new Message(subscription, e, mergeable: true, sequence, WebhookEvents.Previous(e), (stored.TailId!.Value, stored.FirstSequence, stored.Previous)));
        }
        else
        {
            state.Tail = Append(new Message(subscription, e, mergeable: true, sequence, WebhookEvents.Previous(e)));
        }
    }

    private Message Append(Message message)
    {
        _messages.Add(message);
        return message;
    }

    /// <summary>
    /// One planned message: a new row, or an update of the stored row <see cref="StoredId"/>. Its latest event gives
    /// the webhook-id, type, sequence and data. <see cref="First"/> and <see cref="Previous"/> are where this batch's
    /// figures of the key begin: the range of a new row, and of the new row an update falls back to. An update covers
    /// the stored row's range instead, which began earlier.
    /// </summary>
    public sealed class Message(string subscription, OutboxEvent latest, bool mergeable, long? first, int? previous,
        (long Id, long? First, int? Previous)? stored = null)
    {
        public string Subscription { get; } = subscription;
        public OutboxEvent Latest { get; private set; } = latest;
        public bool Mergeable { get; } = mergeable;
        public long? StoredId { get; } = stored?.Id;
        public long? First { get; } = first;
        public int? Previous { get; } = previous;

        public void Supersede(OutboxEvent newer) => Latest = newer;

        /// <summary>The body written into the stored row: its range, now up to the latest figure.</summary>
        public string UpdateBody() => WebhookEvents.Body(Latest, stored?.First, stored?.Previous);

        /// <summary>The body of a new row.</summary>
        public string InsertBody() => Mergeable ? WebhookEvents.Body(Latest, First, Previous) : WebhookEvents.Body(Latest);
    }

    private sealed class KeyState
    {
        /// <summary>The highest sequence a mergeable message or snapshot of the key has carried.</summary>
        public long? Covered { get; set; }

        /// <summary>The key's newest message planned in this batch.</summary>
        public Message? Tail { get; set; }

        /// <summary>The key's newest pending stored message, when it can still absorb newer figures.</summary>
        public KeyRow? StoredTail { get; set; }
    }

    private sealed record KeyRow
    {
        public string Subscription { get; init; } = "";
        public string OrderKey { get; init; } = "";
        public long? Covered { get; init; }
        public long? TailId { get; init; }
        public long? FirstSequence { get; init; }
        public int? Previous { get; init; }
        public bool? Mergeable { get; init; }
        public int? Attempts { get; init; }
        public long? LeaseUntil { get; init; }
    }
}
