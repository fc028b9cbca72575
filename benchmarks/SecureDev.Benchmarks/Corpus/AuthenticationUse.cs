// Credentials as product code handles them.
using System;
using System.Net;

namespace Corpus.Template;

public static class ServiceAccounts
{
    public static NetworkCredential FromEnvironment() =>
        new("historian", Environment.GetEnvironmentVariable("HISTORIAN_PASSWORD"));

    public static NetworkCredential Default() => new("operator", "operator123");

    public static NetworkCredential FromPrompt(string user, string password) => new(user, password);
}
