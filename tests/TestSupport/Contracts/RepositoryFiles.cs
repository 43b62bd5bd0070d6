namespace IntegrationGateway.TestSupport.Contracts;

/// <summary>Finds checked-in files (the OpenAPI contracts) from wherever the test assembly runs.</summary>
public static class RepositoryFiles
{
    public static string Read(string relativePath)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "IntegrationGateway.sln")))
            {
                return File.ReadAllText(Path.Combine(folder.FullName, relativePath));
            }
        }
        throw new FileNotFoundException($"No IntegrationGateway.sln above {AppContext.BaseDirectory}; cannot find {relativePath}.");
    }
}
