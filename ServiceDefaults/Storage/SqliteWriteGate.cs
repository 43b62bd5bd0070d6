using System.Collections.Concurrent;
using System.Data;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace IntegrationGateway.ServiceDefaults.Storage;

/// <summary>
/// Admits the writers of one SQLite file into their write transactions one at a time, in arrival order, waiting
/// asynchronously. SQLite allows one writer anyway; without this, writers that collide get SQLITE_BUSY, and
/// Microsoft.Data.Sqlite answers that by putting the thread to sleep for 150 ms and trying again, so a burst of
/// writes turned into hundreds of milliseconds of sleeping threads (seen in a profile of the ERP under receipts).
/// A caller needs no extra step: the turn ends when SQLite commits (its commit hook), when the connection closes,
/// or, for a transaction rolled back on an open connection (SQLite's rollback hook does not fire for
/// Microsoft.Data.Sqlite's rollback), when the next writer in line sees it has ended. A writer that does not come
/// through the gate (an autocommit statement, another process) is waited for by SQLite's own busy handler.
/// </summary>
internal sealed class SqliteWriteGate
{
    /// <summary>As long as a busy SQLite statement is retried by default: a writer that waits longer fails as it did before.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    /// <summary>How often a waiting writer looks whether the turn it waits on ended in a rollback.</summary>
    private static readonly TimeSpan LookEvery = TimeSpan.FromMilliseconds(5);

    private static readonly ConcurrentDictionary<string, SqliteWriteGate> Files = new(StringComparer.Ordinal);
    private static readonly ConditionalWeakTable<sqlite3, Hooks> Hooked = new();

    private readonly SemaphoreSlim _turn = new(1, 1);
    private Turn? _current;

    public static SqliteWriteGate For(SqliteConnection connection) =>
        Files.GetOrAdd(connection.DataSource, _ => new SqliteWriteGate());

    /// <summary>Begins an IMMEDIATE transaction once it is this caller's turn.</summary>
    public async Task<SqliteTransaction> BeginAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken);
        var hooks = Hooked.GetValue(connection.Handle!, Hook);
        var turn = new Turn(this);
        try
        {
            turn.Transaction = connection.BeginTransaction(deferred: false);
        }
        catch
        {
            turn.End();
            throw;
        }
        Volatile.Write(ref _current, turn);
        hooks.Current = turn;
        connection.StateChange += (_, change) =>
        {
            if (change.CurrentState == ConnectionState.Closed)
            {
                turn.End();
            }
        };
        return turn.Transaction;
    }

    private async Task EnterAsync(CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (!await _turn.WaitAsync(LookEvery, cancellationToken))
        {
            // A transaction that completed has no connection any more.
            if (Volatile.Read(ref _current) is { Transaction.Connection: null } ended)
            {
                ended.End();
            }
            if (waited.Elapsed > MaxWait)
            {
                // What SQLite itself reports when its write lock is not had in time.
                throw new SqliteException($"Waited {MaxWait.TotalSeconds:0} s for the write lock of the database.", raw.SQLITE_BUSY);
            }
        }
    }

    /// <summary>Hooks a connection handle once (pooled handles are reused): its commit ends the turn it holds.</summary>
    private static Hooks Hook(sqlite3 handle)
    {
        var hooks = new Hooks();
        raw.sqlite3_commit_hook(handle, static state =>
        {
            ((Hooks)state).Committed();
            return 0;
        }, hooks);
        return hooks;
    }

    private sealed class Hooks
    {
        public Turn? Current;

        /// <summary>Ends the turn of the transaction committing; an autocommit write finds none.</summary>
        public void Committed() => Interlocked.Exchange(ref Current, null)?.End();
    }

    /// <summary>One writer's turn: ended once, by whichever of commit, close or the next writer's look comes first.</summary>
    private sealed class Turn(SqliteWriteGate gate)
    {
        private int _ended;

        public SqliteTransaction? Transaction;

        public void End()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                Interlocked.CompareExchange(ref gate._current, null, this);
                gate._turn.Release();
            }
        }
    }
}
