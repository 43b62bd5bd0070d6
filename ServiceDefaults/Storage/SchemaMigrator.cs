using System.Reflection;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IntegrationGateway.ServiceDefaults.Storage;

/// <summary>
/// Applies a service's versioned schema scripts (embedded resources named NNNN_description.sql) once each,
/// in order, at start-up, before the first request is served; all or none of the missing ones.
/// </summary>
public sealed class SchemaMigrator(Database database, Assembly scriptAssembly, TimeProvider time, ILogger<SchemaMigrator> logger) : IHostedService
{
    private const string LockName = "schema-migration";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (database.Dialect.Provider == SqlProvider.Sqlite)
        {
            // WAL lets readers run beside the single writer. It is a property of the file, so set it once here
            // rather than on every connection (where it costs a lock round trip).
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode=WAL", cancellationToken: cancellationToken));
        }
        // One transaction for the whole migration, and one migration at a time: instances starting together on a
        // fresh database (two process APIs on one PostgreSQL) would otherwise race to create the same tables. The
        // later one waits, then finds every script applied. PostgreSQL takes a transaction-scoped advisory lock;
        // SQLite's write transaction admits one writer.
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        await Database.SerializeAppendsAsync(connection, transaction, LockName, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_versions (version VARCHAR(100) PRIMARY KEY, applied_at BIGINT NOT NULL)",
            transaction: transaction, cancellationToken: cancellationToken));
        var applied = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT version FROM schema_versions", transaction: transaction, cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);
        var added = new List<string>();
        foreach (var (version, script) in Scripts().Where(s => !applied.Contains(s.Version)))
        {
            await connection.ExecuteAsync(new CommandDefinition(database.Dialect.Render(script), transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_versions (version, applied_at) VALUES (@version, @now)",
                new { version, now = time.GetUtcNow().ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken));
            added.Add(version);
        }
        await transaction.CommitAsync(cancellationToken);
        foreach (var version in added)
        {
            logger.LogInformation("Applied schema script {Version}", version);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IEnumerable<(string Version, string Script)> Scripts()
    {
        const string marker = ".Schema.";
        foreach (var name in scriptAssembly.GetManifestResourceNames().Where(n => n.Contains(marker, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = scriptAssembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var version = name[(name.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..^".sql".Length];
            yield return (version, reader.ReadToEnd());
        }
    }
}
