// SD5006 checkDomain: false with the 1.5 session factories.
using System.Threading.Tasks;
using Opc.Ua;
using Opc.Ua.Client;

namespace Cases.Industrial.V15;

public class SessionStartup
{
    public Task<ISession> NoHostCheck(ApplicationConfiguration configuration, ConfiguredEndpoint endpoint) =>
        DefaultSessionFactory.Instance.CreateAsync(configuration, endpoint, false, checkDomain: false, "Gateway", 60000, new UserIdentity(), null); // Noncompliant SD5006 {{CreateAsync(checkDomain: false) connects without checking that the server certificate names the host of the endpoint URL, so a certificate taken from another device is accepted (IEC 62443-4-2 CR 1.9 at SL 2); pass checkDomain: true}}

    public Task<ISession> Interface(ISessionFactory factory, ApplicationConfiguration configuration, ConfiguredEndpoint endpoint) =>
        factory.CreateAsync(configuration, endpoint, false, false, "Gateway", 60000, new UserIdentity(), null); // Noncompliant SD5006

    public Task<ISession> ShortOverload(ISessionFactory factory, ApplicationConfiguration configuration, ConfiguredEndpoint endpoint) =>
        factory.CreateAsync(configuration, endpoint, false, "Gateway", 60000, new UserIdentity(), null); // Noncompliant SD5006

    public Task<ISession> Checked(ISessionFactory factory, ApplicationConfiguration configuration, ConfiguredEndpoint endpoint) =>
        factory.CreateAsync(configuration, endpoint, false, checkDomain: true, "Gateway", 60000, new UserIdentity(), null); // Compliant

    public Task<ISession> Configured(ISessionFactory factory, ApplicationConfiguration configuration, ConfiguredEndpoint endpoint, bool checkDomain) =>
        factory.CreateAsync(configuration, endpoint, false, checkDomain, "Gateway", 60000, new UserIdentity(), null); // Compliant: configured

    public Task<ISession> UpdateBeforeConnectIsNotTheCheck(ISessionFactory factory, ApplicationConfiguration configuration, ConfiguredEndpoint endpoint) =>
        factory.CreateAsync(configuration, endpoint, updateBeforeConnect: false, checkDomain: true, "Gateway", 60000, new UserIdentity(), null); // Compliant: another parameter is false
}
