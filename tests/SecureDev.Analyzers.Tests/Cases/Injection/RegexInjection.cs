// SD4006 Regular expression injection: patterns chosen by a client, evaluated without a timeout (ReDoS).
using System;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using MQTTnet;

namespace Cases.Injection;

public class TagSearch
{
    private readonly string[] _tags = { "Line1.Speed", "Line1.Temp" };

    public string[] Search(HttpRequest request)
    {
        var pattern = new Regex(request.Query["pattern"]!); // Noncompliant SD4006 {{Regular expression pattern of 'new Regex' comes from request data ('request'); escape it with Regex.Escape or pass a match timeout}}
        return _tags.Where(t => pattern.IsMatch(t)).ToArray();
    }

    public bool Matches(MqttApplicationMessageReceivedEventArgs e, string tag) =>
        Regex.IsMatch(tag, e.ApplicationMessage.ConvertPayloadToString()); // Noncompliant SD4006

    public string[] Filter(string filter) =>
        _tags.Where(t => Regex.IsMatch(t, filter)).ToArray(); // Noncompliant SD4006

    public string[] FilterFromConsole() => Filter(Console.ReadLine()!);

    public string[] Literal(HttpRequest request) =>
        _tags.Where(t => Regex.IsMatch(t, Regex.Escape(request.Query["text"]!))).ToArray(); // Compliant: escaped, matched literally

    public bool WithTimeout(HttpRequest request, string tag) =>
        Regex.IsMatch(tag, request.Query["pattern"]!, RegexOptions.None, TimeSpan.FromMilliseconds(100)); // Compliant: bounded by a match timeout

    public bool UntrustedInput(HttpRequest request) =>
        Regex.IsMatch(request.Query["tag"]!, "^Line[0-9]+\\.[A-Za-z]+$"); // Compliant: the input is untrusted, the pattern is not
}
