// SD3002 Credential checked against a literal: login checks that compare an entered secret with one written in the source.
using System;
using System.Security.Cryptography;
using System.Text;

namespace Cases.Authentication;

public class ServiceMenu
{
    private const string ServicePin = "7391";
    private static readonly string MaintenanceCode = "m41nt3n4nce";

    public bool Operator(string user, string password) =>
        user == "operator" && password == "op3rator!"; // Noncompliant SD3002 {{'password' is checked against a literal password; a credential built into the product is the same on every device and cannot be changed, so verify against a salted hash from the credential store}}
//                            ^^^^^^^^^^^^^^^^^^^^^^^

    public bool NotEquals(string password) => password != "admin"; // Noncompliant SD3002

    public bool LiteralFirst(string passwd) => "s3rvice" == passwd; // Noncompliant SD3002

    public bool StaticEquals(string pwd) => string.Equals(pwd, "Siemens1", StringComparison.Ordinal); // Noncompliant SD3002

    public bool InstanceEquals(LoginRequest request) => request.Password.Equals("factory"); // Noncompliant SD3002 {{'Password' is checked against a literal password; a credential built into the product is the same on every device and cannot be changed, so verify against a salted hash from the credential store}}

    public bool ThroughConstant(string servicePassword) => servicePassword == ServicePin; // Noncompliant SD3002

    public bool ThroughStaticReadonly(string maintenancePassword) => maintenancePassword.Trim() == MaintenanceCode; // Noncompliant SD3002

    public bool Pattern(string password) => password is "root" or "toor"; // Noncompliant SD3002

    public bool SwitchStatement(string password)
    {
        switch (password) // Noncompliant SD3002
        {
            case "backdoor":
                return true;
            default:
                return false;
        }
    }

    public int SwitchExpression(string apiKey) => apiKey switch // Noncompliant SD3002 {{'apiKey' is checked against a literal api key; a credential built into the product is the same on every device and cannot be changed, so verify against a salted hash from the credential store}}
    {
        "k-2f9c0b7e" => 2,
        _ => 0,
    };

    public bool Bytes(string password) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes("Pl4nt0p")); // Noncompliant SD3002

    public bool Hash(string passwordHash) => passwordHash == "5f4dcc3b5aa765d61d8327deb882cf99"; // Noncompliant SD3002

    public Func<string, bool> Lambda() => password => password == "lambda-secret"; // Noncompliant SD3002
}

public class LoginRequest
{
    public string User { get; set; } = "";

    public string Password { get; set; } = "";
}

public class CredentialCheckLookAlikes
{
    private const string DefaultPassword = "changeme"; // reported by SD3001 where it is declared

    public bool MustChangeDefault(string password) => password == DefaultPassword; // Compliant: forces a change of the default, which SD3001 reports at its declaration

    public bool Empty(string password) => password == ""; // Compliant: an empty password is checked, not a built-in one

    public bool Missing(string? password) => password == null; // Compliant

    public bool UserName(string user) => user == "admin"; // Compliant: a user name is not a secret

    public bool Placeholder(string password) => password == "********"; // Compliant: the masked placeholder of a form

    public bool Stored(string password, string storedPassword) => password == storedPassword; // Compliant: here (the timing rule SD1009 has a say)

    public bool Mode(string authMode) => authMode == "password"; // Compliant: a mode named 'password', not a password

    public string Label(string passwordLabel) => passwordLabel == "Password:" ? "shown" : "hidden"; // Compliant: a label
}
