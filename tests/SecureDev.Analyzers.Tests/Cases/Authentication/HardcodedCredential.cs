// SD3001 Hard-coded credential: literal secrets handed to the APIs that authenticate with them.
using System;
using System.Data.Common;
using System.Net;
using System.Text;

namespace Cases.Authentication;

public class HistorianConnection
{
    private const string ServicePassword = "Hist0rian!2024"; // Noncompliant SD3001 {{A literal password is stored in 'ServicePassword'; read it from configuration, the environment or a secret store}}
//                                         ^^^^^^^^^^^^^^^^

    public NetworkCredential Constructor() => new("historian", "Hist0rian!2024"); // Noncompliant SD3001 {{A literal password is passed to 'NetworkCredential'; read it from configuration, the environment or a secret store}}
//                                                             ^^^^^^^^^^^^^^^^

    public NetworkCredential ThroughConstant() => new NetworkCredential("historian", ServicePassword); // Compliant: reported once, where the constant is declared

    private const string DefaultValue = "Hist0rian!2024";

    public NetworkCredential ThroughNeutralConstant() => new NetworkCredential("historian", DefaultValue); // Noncompliant SD3001
//                                                                                          ^^^^^^^^^^^^

    public NetworkCredential Property()
    {
        var credential = new NetworkCredential { UserName = "historian" };
        credential.Password = "Hist0rian!2024"; // Noncompliant SD3001 {{A literal password is passed to 'NetworkCredential.Password'; read it from configuration, the environment or a secret store}}
        return credential;
    }

    public NetworkCredential Initializer() => new() { UserName = "operator", Password = "op3rator" }; // Noncompliant SD3001

    public DbConnectionStringBuilder ConnectionString() =>
        new() { ConnectionString = "Server=historian;Database=plant;User Id=sa;Password=Plant#01;" }; // Noncompliant SD3001 {{A literal password in a connection string is passed to 'DbConnectionStringBuilder.ConnectionString'; read it from configuration, the environment or a secret store}}

    public void UserMethod() => Login("admin", "admin"); // Noncompliant SD3001
//                                             ^^^^^^^

    public void Bytes() => Authenticate(apiKey: Encoding.UTF8.GetBytes("k3y-0f-the-gateway")); // Noncompliant SD3001 {{A literal api key is passed to 'HistorianConnection.Authenticate'; read it from configuration, the environment or a secret store}}

    public void Characters() => Unlock(passphrase: "correct horse".ToCharArray()); // Noncompliant SD3001

    private static readonly byte[] GatewayKey = { 0x3a, 0x7f, 0x11, 0x42 };

    public void StaticReadonly() => Authenticate(apiKey: GatewayKey); // Noncompliant SD3001

    public NetworkCredential ThroughLocal()
    {
        var password = "Hist0rian!2024";
        return new NetworkCredential("historian", password); // Noncompliant SD3001
    }

    public NetworkCredential LocalAssignedTwice(bool test)
    {
        var password = Environment.GetEnvironmentVariable("HISTORIAN_PASSWORD") ?? "";
        if (test)
        {
            password = Console.ReadLine() ?? "";
        }

        return new NetworkCredential("historian", password); // Compliant: not constant
    }

    private static void Login(string user, string password) { }

    private static void Authenticate(byte[] apiKey) { }

    private static void Unlock(char[] passphrase) { }
}

public class PanelDefaults
{
    public string AdminPassword { get; set; } = "admin"; // Noncompliant SD3001 {{A literal password is stored in 'AdminPassword'; read it from configuration, the environment or a secret store}}

    private static readonly string ClientSecret = "7f1c9e2a-secret-of-the-panel"; // Noncompliant SD3001

    private readonly char[] _pinPassphrase = "1234-5678".ToCharArray(); // Noncompliant SD3001

    internal static readonly byte[] MqttApiKey = { 0x51, 0x7a, 0x09, 0xc3 }; // Noncompliant SD3001

    public NetworkCredential Use() => new("panel", ClientSecret); // Compliant: reported at the declaration

    public int Length => _pinPassphrase.Length + MqttApiKey.Length + AdminPassword.Length;
}

public class CredentialLookAlikes
{
    public const string Password = "Password"; // Compliant: a field name, label or setting key that spells its own name

    public const string ClientSecretParameter = "client_secret"; // Compliant: not named like a secret

    private const string ApiKeyHeader = "X-Api-Key"; // Compliant: a header name

    public const string DbPassword = "Database:Password"; // Compliant: a configuration key

    public string AdminPasswordDefault { get; set; } = ""; // Compliant: no default at all

    private static readonly string ServiceSecret = Environment.GetEnvironmentVariable("SERVICE_SECRET") ?? ""; // Compliant: from the environment

    public string Header() => ApiKeyHeader + Password + DbPassword + ServiceSecret;

    public NetworkCredential FromEnvironment() =>
        new("historian", Environment.GetEnvironmentVariable("HISTORIAN_PASSWORD")); // Compliant: from the environment

    public NetworkCredential FromParameter(string password) => new("historian", password); // Compliant

    public NetworkCredential Empty() => new("historian", ""); // Compliant: no password at all is another matter

    public NetworkCredential Placeholder() => new("historian", "${HISTORIAN_PASSWORD}"); // Compliant: a placeholder resolved at deployment

    public string Prompt() => Ask(passwordPrompt: "Password: "); // Compliant: a prompt, not a password

    public DbConnectionStringBuilder IntegratedSecurity() =>
        new() { ConnectionString = "Server=historian;Database=plant;Integrated Security=true;" }; // Compliant: no password in it

    public DbConnectionStringBuilder PasswordFromTemplate() =>
        new() { ConnectionString = "Server=historian;Password={0};" }; // Compliant: a format placeholder

    public void UserName() => Login(user: "admin", password: Console.ReadLine() ?? string.Empty); // Compliant: the user name is not a secret

    public char PasswordChar() => Mask(passwordChar: '*'); // Compliant: names a property of a password, not a password

    private static string Ask(string passwordPrompt) => passwordPrompt;

    private static void Login(string user, string password) { }

    private static char Mask(char passwordChar) => passwordChar;
}
