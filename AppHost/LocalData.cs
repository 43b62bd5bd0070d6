namespace IntegrationGateway.AppHost;

/// <summary>The git-ignored folder where the embedded SQLite stores live between runs.</summary>
public sealed record LocalData(string Folder)
{
    public const string ResetSwitch = "--reset-data";

    public static LocalData Prepare(string appHostDirectory, bool reset)
    {
        var folder = Path.GetFullPath(Path.Combine(appHostDirectory, "..", ".data"));
        if (reset && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        Directory.CreateDirectory(folder);
        return new LocalData(folder);
    }

    public string ConnectionString(string store) => $"Data Source={Path.Combine(Folder, store + ".db")}";
}
