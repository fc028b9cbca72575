// SD4004 XPath injection: untrusted text in XPath expressions over recipe and configuration documents.
using System.Collections.Generic;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using System.Xml.XPath;
using Microsoft.AspNetCore.Http;
using MQTTnet;

namespace Cases.Injection;

public class RecipeCatalog
{
    private static readonly HashSet<string> Lines = new() { "L1", "L2" };
    private readonly XmlDocument _document = new();
    private readonly XDocument _settings = new();

    public XmlNode? Find(HttpRequest request) =>
        _document.SelectSingleNode("/recipes/recipe[@name='" + request.Query["name"] + "']"); // Noncompliant SD4004 {{XPath expression of 'XmlNode.SelectSingleNode' is built from request data ('request'); check the value against an allow-list or escape it}}

    public object Evaluate(XPathNavigator navigator, MqttApplicationMessageReceivedEventArgs e) =>
        navigator.Evaluate($"count(/tags/tag[@topic='{e.ApplicationMessage.Topic}'])"); // Noncompliant SD4004

    // Reported where the expression is built, for the console input SettingsFromConsole passes in.
    public IEnumerable<XElement> Settings(string section) =>
        _settings.XPathSelectElements("/settings/" + section); // Noncompliant SD4004

    public IEnumerable<XElement> SettingsFromConsole() => Settings(System.Console.ReadLine()!).ToList();

    public XmlNodeList? ByLine(HttpRequest request)
    {
        string line = request.Query["line"]!;
        if (!Lines.Contains(line))
        {
            return null;
        }

        return _document.SelectNodes("/recipes/recipe[@line='" + line + "']"); // Compliant: allow-listed
    }

    public XmlNode? ById(HttpRequest request) =>
        _document.SelectSingleNode("/recipes/recipe[@id=" + int.Parse(request.Query["id"]!) + "]"); // Compliant: a number

    public XmlNodeList? All() => _document.SelectNodes("/recipes/recipe"); // Compliant: constant
}
