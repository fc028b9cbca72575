// SD5006 checkDomain: false with the 1.4 static Session.Create.
using System.Threading.Tasks;
using Opc.Ua;
using Opc.Ua.Client;

namespace Cases.Industrial.V14;

public class SessionStartup
{
    public Task<Session> NoHostCheck(ApplicationConfiguration configuration, ConfiguredEndpoint endpoint) =>
        Session.Create(configuration, endpoint, false, false, "Gateway", 60000, new UserIdentity(), null); // Noncompliant SD5006

    public Task<Session> Checked(ApplicationConfiguration configuration, ConfiguredEndpoint endpoint) =>
        Session.Create(configuration, endpoint, false, true, "Gateway", 60000, new UserIdentity(), null); // Compliant

    public Task<Session> WithoutTheParameter(ApplicationConfiguration configuration, ConfiguredEndpoint endpoint) =>
        Session.Create(configuration, endpoint, false, "Gateway", 60000, new UserIdentity(), null); // Noncompliant SD5006 {{This Create overload passes checkDomain: false and connects without checking that the server certificate names the host of the endpoint URL, so a certificate taken from another device is accepted (IEC 62443-4-2 CR 1.9 at SL 2); pass checkDomain: true}}
}
