using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;

namespace IntegrationGateway.ServiceDefaults.Storage;

/// <summary>
/// Many rows in one statement (<c>INSERT ... VALUES (...), (...) ...</c>), in chunks that keep within both engines'
/// parameter limits. Dapper runs a statement per row when given a list, and on PostgreSQL every statement is a round
/// trip; under a stream of changes the publisher, the consumer and the outbox spent most of their time (and their
/// append locks) waiting on those.
/// </summary>
public static class MultiRow
{
    /// <summary>
    /// Parameters per PostgreSQL statement: far under its 65,535, and short statements to plan. Each statement is a
    /// round trip there, so fewer and longer is cheaper.
    /// </summary>
    public const int MaxPostgresParameters = 900;

    /// <summary>
    /// Parameters per SQLite statement. SQLite finds a parameter by name with a linear search, once per parameter, so a
    /// statement costs the square of its parameters: 1,500 rows of 11 values took 110 ms in chunks of 900 and 27 ms in
    /// chunks of 100 (no round trip to save), and in a backlog the process API spent half its CPU in that search.
    /// </summary>
    public const int MaxSqliteParameters = 100;

    /// <summary>
    /// One command per chunk: <paramref name="head"/> (the <c>INSERT INTO t (a, b)</c> part), <c>VALUES</c> with a tuple
    /// per row of <paramref name="columns"/> values, then <paramref name="tail"/> (an <c>ON CONFLICT</c> or
    /// <c>RETURNING</c> clause, or nothing). Each tuple's values come from <paramref name="values"/>, in column order.
    /// </summary>
    public static IEnumerable<CommandDefinition> Commands<T>(string head, int columns, IReadOnlyList<T> rows, Func<T, object?[]> values, string tail,
        DbTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        var perChunk = Math.Max(1, (transaction?.Connection is SqliteConnection ? MaxSqliteParameters : MaxPostgresParameters) / columns);
        for (var start = 0; start < rows.Count; start += perChunk)
        {
            var sql = new StringBuilder(head).Append("\nVALUES ");
            var end = Math.Min(rows.Count, start + perChunk);
            var parameters = new RowValues((end - start) * columns);
            for (var r = start; r < end; r++)
            {
                var row = values(rows[r]);
                if (row.Length != columns)
                {
                    throw new ArgumentException($"Row {r} has {row.Length} values for {columns} columns.", nameof(values));
                }
                sql.Append(r == start ? "(" : ", (");
                for (var c = 0; c < columns; c++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"@v{r - start}_{c}");
                    sql.Append(c == 0 ? "" : ", ").Append(name);
                    parameters.Add(name, row[c]);
                }
                sql.Append(')');
            }
            yield return new CommandDefinition(sql.Append('\n').Append(tail).ToString(), parameters, transaction, cancellationToken: cancellationToken);
        }
    }

    /// <summary>Runs <see cref="Commands"/> in order; the rows affected in all.</summary>
    public static async Task<int> ExecuteAsync<T>(DbConnection connection, DbTransaction transaction, string head, int columns, IReadOnlyList<T> rows,
        Func<T, object?[]> values, string tail, CancellationToken cancellationToken)
    {
        var affected = 0;
        foreach (var command in Commands(head, columns, rows, values, tail, transaction, cancellationToken))
        {
            affected += await connection.ExecuteAsync(command);
        }
        return affected;
    }

    /// <summary>
    /// The values of one statement, added to the command as they are. Dapper's own parameters look each name up in the
    /// command before adding it (a second search per parameter) and drop the '@', which makes SQLite search for the bare
    /// name in vain before it tries the prefixed one.
    /// </summary>
    private sealed class RowValues(int capacity) : SqlMapper.IDynamicParameters
    {
        private readonly List<(string Name, object? Value)> _values = new(capacity);

        public void Add(string name, object? value) => _values.Add((name, value));

        public void AddParameters(IDbCommand command, SqlMapper.Identity identity)
        {
            foreach (var (name, value) in _values)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }
        }
    }
}
