// SD5007 OPC UA server offering anonymous access: constructor, property, initializer, builder; 1.4 and 1.5.
using System.Threading.Tasks;
using Opc.Ua;
using Opc.Ua.Configuration;

namespace Cases.Industrial;

public class OpenServer
{
    public void Constructor(ServerConfiguration server) =>
        server.UserTokenPolicies.Add(new UserTokenPolicy(UserTokenType.Anonymous)); // Noncompliant SD5007 {{new UserTokenPolicy(UserTokenType.Anonymous) lets OPC UA clients connect without identifying a user (IEC 62443-4-2 CR 1.1 at SL 1, and CR 2.1); offer UserName or Certificate tokens and map them to roles}}

    public UserTokenPolicy Initializer() => new UserTokenPolicy { TokenType = UserTokenType.Anonymous }; // Noncompliant SD5007

    public void Property(UserTokenPolicy policy) => policy.TokenType = UserTokenType.Anonymous; // Noncompliant SD5007

    public Task<ApplicationConfiguration> Builder(ApplicationInstance application) =>
        application.Build("urn:contoso:line3", "urn:contoso")
            .AsServer(new[] { "opc.tcp://localhost:4840" })
            .AddUserTokenPolicy(UserTokenType.Anonymous) // Noncompliant SD5007
            .AddSecurityConfiguration("CN=Line3")
            .Create();
}

public class IdentifiedUsers
{
    public void UserName(ServerConfiguration server) => server.UserTokenPolicies.Add(new UserTokenPolicy(UserTokenType.UserName)); // Compliant

    public Task<ApplicationConfiguration> Certificates(ApplicationInstance application) =>
        application.Build("urn:contoso:line3", "urn:contoso")
            .AsServer(new[] { "opc.tcp://localhost:4840" })
            .AddUserTokenPolicy(UserTokenType.Certificate) // Compliant
            .AddSecurityConfiguration("CN=Line3")
            .Create();

    public IUserIdentity ClientSide() => new UserIdentity(); // Compliant: a client connecting anonymously offers nothing

    public bool IsAnonymous(UserTokenPolicy policy) => policy.TokenType == UserTokenType.Anonymous; // Compliant: a comparison
}
