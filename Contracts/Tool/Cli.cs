using IntegrationGateway.ContractTool.Diff;
using IntegrationGateway.ContractTool.Lint;
using IntegrationGateway.ContractTool.Loading;
using IntegrationGateway.ContractTool.Reports;
using IntegrationGateway.ContractTool.Rules;
using Microsoft.OpenApi;

namespace IntegrationGateway.ContractTool;

/// <summary>
/// contract diff BASE REVISION [--format FORMAT] [--fail-on ERR|WARN] [--across-versions] [--levels FILE]
/// contract diff --list-rules [--format text|markdown|json]
/// contract lint FILE... [--format FORMAT]
/// Exit codes: 0 clean, 1 findings at or above the failing level, 2 usage or unreadable input, 3 a $ref that
/// cannot be resolved.
/// </summary>
public static class Cli
{
    public const int Clean = 0;
    public const int Failed = 1;
    public const int UsageError = 2;
    public const int UnresolvedReference = 3;

    private const string Formats = "text, markdown, json, junit, html or githubactions";

    private const string Usage = """
        usage: contract diff BASE REVISION [--format FORMAT] [--fail-on ERR|WARN] [--across-versions] [--levels FILE]
               contract diff --list-rules [--format text|markdown|json]
               contract lint FILE... [--format FORMAT]
        FORMAT is text, markdown, json, junit, html or githubactions. Files are OpenAPI 3.0 or 3.1, JSON or YAML;
        relative external $refs are loaded. --levels FILE sets levels by id, one "id ERR|WARN|INFO|NONE" per line.
        Exit codes: 0 clean, 1 failing findings, 2 usage or unreadable input, 3 a $ref that cannot be resolved.
        """;

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        RunAsync(args, output, error, TimeProvider.System);

    /// <summary>As above, with the clock diff judges x-sunset dates by.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider time)
    {
        if (args is ["--help" or "-h" or "help", ..])
        {
            output.WriteLine(Usage);
            return Clean;
        }

        if (Invocation.Parse(args, out var problem) is not { } invocation)
        {
            error.WriteLine($"contract: {problem}");
            error.WriteLine(Usage);
            return UsageError;
        }

        if (invocation.ListRules)
        {
            RuleList.Write(invocation.Format, output);
            return Clean;
        }

        var levels = LevelOverrides.None;
        if (invocation.LevelsFile is { } levelsFile)
        {
            try
            {
                levels = LevelOverrides.Parse(await File.ReadAllLinesAsync(levelsFile), levelsFile);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                error.WriteLine($"contract: cannot read the levels file {levelsFile}: {exception.Message}");
                return UsageError;
            }
        }

        // Reading a large document is most of the command's time and each file is read on its own, so all are read
        // at once; their warnings and errors are still reported in the order the files were named.
        var loads = invocation.Files.Select(file => Task.Run(() => DocumentLoader.LoadFileWithWarningsAsync(file))).ToList();
        var documents = new List<OpenApiDocument>();
        foreach (var (file, load) in invocation.Files.Zip(loads))
        {
            try
            {
                var loaded = await load;
                foreach (var warning in loaded.Warnings)
                {
                    // An invalid document is still compared as far as it can be read; the reviewer hears what is wrong.
                    error.WriteLine($"contract: warning: {file}: {warning}");
                }
                documents.Add(loaded.Document);
            }
            catch (UnresolvedReferenceException exception)
            {
                error.WriteLine($"contract: {exception.Message}");
                return UnresolvedReference;
            }
            // The reader throws rather than reports for text that parses but names no version it knows ("openapi: hello").
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException
                or OpenApiException or OpenApiUnsupportedSpecVersionException)
            {
                error.WriteLine($"contract: cannot read {file}: {exception.Message}");
                return UsageError;
            }
        }

        var report = invocation.Command == "diff" ? Diff(invocation, documents, levels, time) : Lint(invocation, documents);
        ReportWriter.Write(report, invocation.Format, output);
        return report.Failed ? Failed : Clean;
    }

    private static Report Diff(Invocation invocation, List<OpenApiDocument> documents, LevelOverrides levels, TimeProvider time)
    {
        var options = new DiffOptions
        {
            Today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime),
            AcrossVersions = invocation.AcrossVersions ? true : null,
        };
        var findings = levels.Apply(DiffEngine.Compare(documents[0], documents[1], options));
        return new Report($"contract diff {invocation.Files[0]} {invocation.Files[1]}", findings, invocation.FailOn, "No changes.");
    }

    private static Report Lint(Invocation invocation, List<OpenApiDocument> documents)
    {
        // With several files, the operation column alone would not say which contract a finding is in.
        var several = invocation.Files.Count > 1;
        var findings = invocation.Files.Zip(documents).SelectMany(pair => Linter.Lint(pair.Second).Select(finding =>
            !several ? finding
            : finding with { Operation = finding.Operation.Length == 0 ? pair.First : $"{pair.First}: {finding.Operation}" }));
        return new Report($"contract lint {string.Join(' ', invocation.Files)}", findings, Level.Err, "No findings.");
    }

    /// <summary>One command line, parsed: options may come anywhere, as --name value or --name=value.</summary>
    private sealed record Invocation(string Command, List<string> Files, ReportFormat Format, Level FailOn, bool AcrossVersions)
    {
        public bool ListRules { get; init; }

        public string? LevelsFile { get; init; }

        public static Invocation? Parse(string[] args, out string problem)
        {
            if (args is not [("diff" or "lint") and var command, .. var rest])
            {
                problem = args.Length == 0 ? "no command given" : $"unknown command '{args[0]}'";
                return null;
            }

            string[] valued = command == "diff" ? ["--format", "--fail-on", "--levels"] : ["--format"];
            string[] flags = command == "diff" ? ["--across-versions", "--list-rules"] : [];
            var invocation = new Invocation(command, [], ReportFormat.Text, Level.Err, AcrossVersions: false);
            for (var i = 0; i < rest.Length; i++)
            {
                if (!rest[i].StartsWith('-'))
                {
                    invocation.Files.Add(rest[i]);
                    continue;
                }

                var (name, value) = rest[i].Split('=', 2) is [var n, var v] ? (n, v) : (rest[i], null);
                if (!valued.Contains(name) && !flags.Contains(name))
                {
                    problem = $"unknown option '{name}' for {command}";
                    return null;
                }

                if (valued.Contains(name) && value is null && i + 1 < rest.Length)
                {
                    value = rest[++i];
                }

                (invocation, problem) = (name, value) switch
                {
                    ("--format", { } text) when ReportWriter.TryParseFormat(text, out var format) => (invocation with { Format = format }, ""),
                    ("--format", _) => (invocation, $"--format takes {Formats}"),
                    ("--fail-on", { } text) when Levels.TryParse(text, out var level) && level > Level.Info => (invocation with { FailOn = level }, ""),
                    ("--fail-on", _) => (invocation, "--fail-on takes ERR or WARN"),
                    ("--across-versions", null) => (invocation with { AcrossVersions = true }, ""),
                    ("--list-rules", null) => (invocation with { ListRules = true }, ""),
                    ("--levels", { Length: > 0 } file) => (invocation with { LevelsFile = file }, ""),
                    ("--levels", _) => (invocation, "--levels takes a file"),
                    _ => (invocation, $"{name} takes no value"),
                };
                if (problem.Length > 0)
                {
                    return null;
                }
            }

            problem = (command, invocation.Files.Count) switch
            {
                ("diff", 0) when invocation.ListRules => string.Empty,
                ("diff", _) when invocation.ListRules => "--list-rules takes no files",
                ("diff", not 2) => "diff takes exactly two files, BASE and REVISION",
                ("lint", 0) => "lint takes at least one file",
                _ => string.Empty,
            };
            return problem.Length == 0 ? invocation : null;
        }
    }
}
