using System.Text.RegularExpressions;
using IntegrationGateway.ProcessApis.Tests.Structure;
using Xunit.Abstractions;

namespace IntegrationGateway.ProcessApis.Tests;

/// <summary>
/// The process API's feature folders depend on each other one way only: a feature can be read, changed and registered
/// without the folders it builds on reaching back into it. Read from the source, so it needs no running service.
/// </summary>
public sealed class FolderDependencyTests(ITestOutputHelper output)
{
    [Fact]
    public void FeatureFoldersDependOnEachOtherOneWayOnly()
    {
        var graph = FolderGraph.Of(SourceFile.OfProcessApis());
        output.WriteLine(graph.ToString());
        var cycle = graph.FindCycle();
        Assert.True(cycle is null, cycle is null ? null : $"Folders depend on each other in a cycle, {string.Join(" -> ", cycle)}:{Environment.NewLine}{graph.Explain(cycle)}");
    }

    // The graph reads dependencies from using directives, which a file declaring another folder's namespace would not need.
    [Fact]
    public void EveryFileIsInTheNamespaceOfItsFolder()
    {
        var misplaced = SourceFile.OfProcessApis()
            .SelectMany(f => Regex.Matches(f.Code, @"^\s*namespace\s+(?<name>[\w.]+)", RegexOptions.Multiline)
                .Select(m => m.Groups["name"].Value)
                .Where(name => !IsNamespaceOf(name, f.Folder))
                .Select(name => $"{f.Path} declares {name}"))
            .ToList();
        Assert.Empty(misplaced);
    }

    [Fact]
    public void ACycleIsFoundThroughUsingsQualifiedNamesAndRootTypesAndNamedWithItsFiles()
    {
        var graph = FolderGraph.Of(
        [
            Source(SourceFile.Root, "ProcessApi.cs", "using IntegrationGateway.ProcessApis.Orders;\nnamespace IntegrationGateway.ProcessApis;\npublic static class ProcessApi { }"),
            Source("Orders", "Orders/OrderEndpoints.cs", "using IntegrationGateway.ProcessApis.Holds;\nnamespace IntegrationGateway.ProcessApis.Orders;"),
            Source("Holds", "Holds/HoldStore.cs", "namespace IntegrationGateway.ProcessApis.Holds;\nclass HoldStore { object Name = Fulfilment.Refusals.Of; }"),
            Source("Fulfilment", "Fulfilment/Refusals.cs", "namespace IntegrationGateway.ProcessApis.Fulfilment;\nclass Refusals { string Of = ProcessApi.DocumentName; }"),
        ]);

        Assert.Equal(new[] { SourceFile.Root, "Orders", "Holds", "Fulfilment", SourceFile.Root }, graph.FindCycle());
        Assert.Contains("Holds -> Fulfilment: Holds/HoldStore.cs", graph.Explain(graph.FindCycle()!), StringComparison.Ordinal);
    }

    [Fact]
    public void NamesInCommentsAndTextsAreNoDependency()
    {
        var graph = FolderGraph.Of(
        [
            Source("Orders", "Orders/OrderStore.cs", "namespace IntegrationGateway.ProcessApis.Orders;\n/// <summary>Unlike Holds.HoldStore.</summary>\nclass OrderStore { string Sql = \"\"\"\n Holds.x \"\"\"; string Text = @\"Holds.\"\"y\"; // Holds.z\n}"),
            Source("Holds", "Holds/HoldStore.cs", "using IntegrationGateway.ProcessApis.Orders;\nnamespace IntegrationGateway.ProcessApis.Holds;"),
        ]);

        Assert.Null(graph.FindCycle());
        Assert.Empty(graph.Uses["Orders"]);
    }

    private static SourceFile Source(string folder, string path, string text) => new(folder, path, CodeText.Of(text));

    private static bool IsNamespaceOf(string name, string folder) =>
        folder == SourceFile.Root
            ? name == "IntegrationGateway.ProcessApis"
            : name == $"IntegrationGateway.ProcessApis.{folder}" || name.StartsWith($"IntegrationGateway.ProcessApis.{folder}.", StringComparison.Ordinal);
}
