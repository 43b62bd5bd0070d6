namespace IntegrationGateway.Contracts.Tests.Lint;

/// <summary>Finds checked-in files (the OpenAPI contracts) and the files copied next to the test assembly.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Contract(string fileName) => Path.Combine(Root, "openapi", fileName);

    public static string BadContract { get; } = Path.Combine(AppContext.BaseDirectory, "Lint", "bad-contract.yaml");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "IntegrationGateway.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No IntegrationGateway.sln above {AppContext.BaseDirectory}.");
    }
}
