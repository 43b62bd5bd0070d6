namespace IntegrationGateway.ProcessApis.Tests.Structure;

/// <summary>A .cs file of the ProcessApis project: its top folder (or <see cref="Root"/>), its path in the project and its code.</summary>
public sealed record SourceFile(string Folder, string Path, string Code)
{
    public const string Root = "(root)";

    /// <summary>The project's source from the checkout the tests run in, found above the test assembly, never at a machine path.</summary>
    public static IReadOnlyList<SourceFile> OfProcessApis()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "IntegrationGateway.sln")))
            {
                return Read(System.IO.Path.Combine(folder.FullName, "ProcessApis"));
            }
        }
        throw new DirectoryNotFoundException($"No IntegrationGateway.sln above {AppContext.BaseDirectory}.");
    }

    public static IReadOnlyList<SourceFile> Read(string project)
    {
        // bin/ and obj/ hold generated code, which belongs to no feature.
        var folders = Directory.GetDirectories(project).Select(f => System.IO.Path.GetFileName(f)).Where(name => name is not ("bin" or "obj"));
        return folders
            .SelectMany(folder => Directory.EnumerateFiles(System.IO.Path.Combine(project, folder), "*.cs", SearchOption.AllDirectories).Select(path => (folder, path)))
            .Concat(Directory.EnumerateFiles(project, "*.cs", SearchOption.TopDirectoryOnly).Select(path => (folder: Root, path)))
            .Select(f => new SourceFile(f.folder, System.IO.Path.GetRelativePath(project, f.path).Replace('\\', '/'), CodeText.Of(File.ReadAllText(f.path))))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
    }
}
