using System.Diagnostics;

namespace IntegrationGateway.EventBenchmarks;

/// <summary>The four deployables published in Release into one folder each, as they would be shipped.</summary>
public sealed record Published(string Root)
{
    public static readonly string[] Services = ["SystemApis", "ProcessApis", "ExperienceApis", "Gateway"];

    public string Folder(string service) => Path.Combine(Root, service);

    public string Dll(string service) => Path.Combine(Folder(service), $"IntegrationGateway.{service}.dll");

    public static async Task<Published> PrepareAsync(string repository, string root, bool publish)
    {
        var published = new Published(root);
        foreach (var service in Services)
        {
            if (!publish && File.Exists(published.Dll(service)))
            {
                continue;
            }
            Console.WriteLine($"publishing {service} (Release)");
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { "publish", Path.Combine(repository, service, service + ".csproj"), "-c", "Release", "-o", published.Folder(service), "--nologo", "-v", "q" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet publish {service} failed:\n{await output}\n{await errors}");
            }
        }
        return published;
    }

    public static string RepositoryRoot()
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
