using System.Text.Json;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace IntegrationGateway.ContractTool.Loading;

/// <summary>
/// Reads an OpenAPI 3.0 or 3.1 document, JSON or YAML, with Microsoft.OpenApi: relative external $refs are loaded,
/// a $ref that leads nowhere is an <see cref="UnresolvedReferenceException"/>, and what the reader finds wrong
/// but can read past comes back as warnings.
/// </summary>
public static class DocumentLoader
{
    // The reader's own check that every reference resolves follows each $ref of the document again (a fifth of
    // the time a large document takes to read); ReferenceAudit has already resolved each distinct one, and says
    // which, so that rule is left out and every other rule still reports.
    private static readonly ValidationRuleSet Rules = WithoutReferenceCheck();

    private static ValidationRuleSet WithoutReferenceCheck()
    {
        var rules = ValidationRuleSet.GetDefaultRuleSet();
        rules.Remove(OpenApiDocumentRules.OpenApiDocumentReferencesAreValid);
        return rules;
    }

    public static async Task<OpenApiDocument> LoadFileAsync(string path, CancellationToken cancellationToken = default) =>
        (await LoadFileWithWarningsAsync(path, cancellationToken)).Document;

    public static async Task<LoadedDocument> LoadFileWithWarningsAsync(string path, CancellationToken cancellationToken = default)
    {
        var text = await File.ReadAllTextAsync(path, cancellationToken);
        return await LoadAsync(text, RawDocument.IsYaml(path, text), Path.GetFullPath(path), path, cancellationToken);
    }

    public static async Task<OpenApiDocument> LoadTextAsync(string text, string name = "document", CancellationToken cancellationToken = default) =>
        (await LoadAsync(text, !text.TrimStart().StartsWith('{'), null, name, cancellationToken)).Document;

    private static async Task<LoadedDocument> LoadAsync(string text, bool yaml, string? path, string name, CancellationToken cancellationToken)
    {
        // JSON without 2020-12 keywords to shelter goes to the reader as written; only YAML and documents that
        // need sheltering are rewritten through JSON nodes, which costs a large document a second parse.
        var raw = yaml || KeywordShelter.Needed(text) ? RawDocument.Parse(text, yaml) ?? throw new InvalidDataException($"{name} is empty") : null;
        // Local pointers of a document sent to the reader as written are checked once it is read (its components
        // answer almost all of them); external files are audited first, since they decide how it is read.
        var deferred = new List<string>();
        var unresolved = ReferenceAudit.Unresolved(text, pointer => raw is not null ? ReferenceAudit.Resolves(raw, pointer) : Defer(deferred, pointer), path, out var external);
        if (unresolved.Count > 0)
        {
            throw new UnresolvedReferenceException(name, unresolved);
        }

        using var stream = new MemoryStream();
        if (raw is not null)
        {
            KeywordShelter.Apply(raw);
            await using var writer = new Utf8JsonWriter(stream);
            raw.WriteTo(writer);
        }
        else
        {
            await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text), cancellationToken);
        }
        stream.Position = 0;
        var settings = new OpenApiReaderSettings { LoadExternalRefs = external && path is not null, RuleSet = Rules };
        // External files are read by the library itself, in whichever format they are written.
        settings.AddYamlReader();
        if (path is not null)
        {
            settings.BaseUrl = new Uri(path);
        }
        // The library reads external files in the format of the document that names them; JSON is YAML, so a
        // document with external references is read as YAML and its files may be either.
        var format = settings.LoadExternalRefs ? OpenApiConstants.Yaml : OpenApiConstants.Json;
        var result = await OpenApiDocument.LoadAsync(stream, format, settings, cancellationToken);
        var problems = (result.Diagnostic?.Errors ?? []).Concat(result.Diagnostic?.Warnings ?? []).Select(e => e.ToString()).ToList();
        if (result.Document is null)
        {
            throw new InvalidDataException($"{name} is not an OpenAPI document: {string.Join("; ", problems)}");
        }
        var resolves = ReferenceAudit.Components(result.Document, text);
        var missing = deferred.Where(pointer => !resolves(pointer)).Select(pointer => "#" + pointer).ToList();
        if (missing.Count > 0)
        {
            throw new UnresolvedReferenceException(name, missing);
        }
        return new LoadedDocument(result.Document, problems);
    }

    private static bool Defer(List<string> deferred, string pointer)
    {
        deferred.Add(pointer);
        return true;
    }
}

/// <summary>A document as read, with what the reader found wrong in it and read past.</summary>
public sealed record LoadedDocument(OpenApiDocument Document, IReadOnlyList<string> Warnings);
