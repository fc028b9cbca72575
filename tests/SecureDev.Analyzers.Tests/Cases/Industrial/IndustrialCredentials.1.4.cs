// SD3001 for the OPC UA 1.4 (and up to 1.5.374) UserIdentity(string username, string password).
using Opc.Ua;

namespace Cases.Industrial.V14;

public class LiteralCredentials
{
    public IUserIdentity OpcUa() => new UserIdentity("operator", "Line3!op"); // Noncompliant SD3001

    public IUserIdentity Configured(string password) => new UserIdentity("operator", password); // Compliant
}
