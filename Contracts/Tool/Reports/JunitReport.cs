using System.Xml;
using System.Xml.Linq;

namespace IntegrationGateway.ContractTool.Reports;

/// <summary>
/// JUnit XML for CI test views: one testsuite, one testcase per finding, a failure for each finding at or above the
/// failing level, and a single passing testcase when there is nothing to report (an empty suite reads as "no tests").
/// </summary>
public static class JunitReport
{
    public static void Write(Report report, TextWriter output)
    {
        var failures = report.Findings.Count(report.Fails);
        var cases = report.Findings.Count == 0
            ? [new XElement("testcase", new XAttribute("classname", Clean(report.Title)), new XAttribute("name", Clean(report.WhenEmpty)))]
            : report.Findings.Select(finding => TestCase(report, finding)).ToList();
        var suite = new XElement("testsuite",
            new XAttribute("name", Clean(report.Title)),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", failures),
            new XAttribute("errors", 0),
            new XAttribute("skipped", 0),
            cases);
        var suites = new XElement("testsuites",
            new XAttribute("name", Clean(report.Title)),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", failures),
            suite);

        // The declaration names no encoding: the writer's own (UTF-16 for a StringWriter) would be wrong once the
        // text is piped to a UTF-8 file, and without one a parser reads UTF-8.
        output.WriteLine("<?xml version=\"1.0\"?>");
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = true, CloseOutput = false }))
        {
            suites.WriteTo(xml);
        }

        output.WriteLine();
    }

    private static XElement TestCase(Report report, Finding finding)
    {
        var name = Clean(finding.Operation.Length == 0 ? finding.Id : $"{finding.Id} {finding.Operation}");
        var testCase = new XElement("testcase", new XAttribute("classname", Clean(report.Title)), new XAttribute("name", name));
        var detail = Clean($"{finding.Level.Label()} {finding.Id} {finding.Operation}: {finding.Message}");
        testCase.Add(report.Fails(finding)
            ? new XElement("failure", new XAttribute("message", Clean(finding.Message)), new XAttribute("type", finding.Level.Label()), detail)
            : new XElement("system-out", detail));
        return testCase;
    }

    // Control characters from a contract's text are not allowed in XML 1.0 at all, not even escaped. Runes keep
    // characters outside the BMP, whose surrogate halves alone would not pass the check.
    private static string Clean(string text) =>
        string.Concat(text.EnumerateRunes().Where(r => !r.IsBmp || XmlConvert.IsXmlChar((char)r.Value)).Select(r => r.ToString()));
}
