// SD5009 OPC UA server auditing switched off: property, initializer, builder; 1.4 and 1.5.
using System.Threading.Tasks;
using Opc.Ua;
using Opc.Ua.Configuration;

namespace Cases.Industrial;

public class QuietServer
{
    public void Property(ApplicationConfiguration configuration) => configuration.ServerConfiguration.AuditingEnabled = false; // Noncompliant SD5009 {{AuditingEnabled = false switches off the OPC UA audit events for sessions, certificates and writes (IEC 62443-4-2 CR 2.8 at SL 1); leave auditing on and forward the events to the plant's log collection}}

    public ServerConfiguration Initializer() => new ServerConfiguration { AuditingEnabled = false }; // Noncompliant SD5009

    public Task<ApplicationConfiguration> Builder(ApplicationInstance application) =>
        application.Build("urn:contoso:line3", "urn:contoso")
            .AsServer(new[] { "opc.tcp://localhost:4840" })
            .SetAuditingEnabled(false) // Noncompliant SD5009
            .AddSecurityConfiguration("CN=Line3")
            .Create();
}

public class AuditedServer
{
    public ServerConfiguration On() => new ServerConfiguration { AuditingEnabled = true }; // Compliant

    public void Configured(ServerConfiguration server, bool audit) => server.AuditingEnabled = audit; // Compliant: configured

    public ServerConfiguration DiagnosticsOff() => new ServerConfiguration { DiagnosticsEnabled = false }; // Compliant: diagnostics are not auditing
}
