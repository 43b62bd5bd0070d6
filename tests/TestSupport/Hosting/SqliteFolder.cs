namespace IntegrationGateway.TestSupport.Hosting;

/// <summary>Removes a stack's SQLite folder once its hosts are gone.</summary>
public static class SqliteFolder
{
    public static void Delete(string? folder)
    {
        if (folder is null)
        {
            return;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a pool being torn down; the OS temp folder is cleaned anyway.
        }
    }
}
