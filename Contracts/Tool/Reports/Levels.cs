namespace IntegrationGateway.ContractTool.Reports;

/// <summary>Levels as they are written and read on the command line: ERR, WARN, INFO.</summary>
public static class Levels
{
    /// <summary>Most severe first, the order reports list them in.</summary>
    public static IReadOnlyList<Level> BySeverity { get; } = [Level.Err, Level.Warn, Level.Info];

    public static string Label(this Level level) => level switch
    {
        Level.Err => "ERR",
        Level.Warn => "WARN",
        _ => "INFO",
    };

    public static bool TryParse(string text, out Level level)
    {
        foreach (var candidate in BySeverity)
        {
            if (string.Equals(text, candidate.Label(), StringComparison.OrdinalIgnoreCase))
            {
                level = candidate;
                return true;
            }
        }

        level = default;
        return false;
    }
}
