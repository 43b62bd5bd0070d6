namespace IntegrationGateway.Contracts.Tests.Cli;

/// <summary>Small contracts written to a folder of their own, removed when the test class is done.</summary>
public sealed class TempContracts : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("contract-cli-").FullName;

    public string Write(string fileName, string text)
    {
        var path = Path.Combine(_folder, fileName);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
