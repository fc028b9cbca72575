// SD4005 LDAP injection: operator names from a login form in directory filters and paths.
using System.DirectoryServices;
using System.DirectoryServices.Protocols;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Injection;

[ApiController]
[Route("operators")]
public class OperatorDirectoryController : ControllerBase
{
    [HttpGet("find")]
    public object? Find(string user)
    {
        using var searcher = new DirectorySearcher("(&(objectClass=user)(sAMAccountName=" + user + "))"); // Noncompliant SD4005 {{LDAP filter or path of 'new DirectorySearcher' is built from request data (action parameter 'user'); encode the value for LDAP (RFC 4515) or check it against an allow-list}}
        return searcher.FindOne();
    }

    [HttpGet("group")]
    public object? Group(string group)
    {
        using var searcher = new DirectorySearcher();
        searcher.Filter = $"(&(objectClass=group)(cn={group}))"; // Noncompliant SD4005
        return searcher.FindOne();
    }

    [HttpGet("unit")]
    public object Unit(string unit)
    {
        using var entry = new DirectoryEntry("LDAP://plant.local/OU=" + unit + ",DC=plant,DC=local"); // Noncompliant SD4005
        return new SearchRequest("DC=plant,DC=local", "(ou=" + unit + ")", SearchScope.Subtree); // Noncompliant SD4005
    }

    [HttpGet("checked")]
    public object? Checked(string user)
    {
        if (!Regex.IsMatch(user, "^[a-zA-Z0-9._-]{1,32}$"))
        {
            return BadRequest();
        }

        using var searcher = new DirectorySearcher("(sAMAccountName=" + user + ")"); // Compliant: validated against an anchored pattern
        return searcher.FindOne();
    }

    [HttpGet("shift")]
    public object? Shift(int shift)
    {
        using var searcher = new DirectorySearcher("(shiftNumber=" + shift + ")"); // Compliant: a number
        return searcher.FindOne();
    }

    [HttpGet("all")]
    public object? All()
    {
        using var searcher = new DirectorySearcher("(objectClass=user)"); // Compliant: constant
        return searcher.FindOne();
    }
}
