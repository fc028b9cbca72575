// SD5005 through ApplicationInstance.CheckApplicationInstanceCertificate(silent, minimumKeySize): 1.4 and 1.5.374.
#pragma warning disable CS0618 // obsolete in 1.5
using System.Threading.Tasks;
using Opc.Ua.Configuration;

namespace Cases.Industrial.Instance;

public class Startup
{
    public Task<bool> Weak(ApplicationInstance application) => application.CheckApplicationInstanceCertificate(false, 1024); // Noncompliant SD5005

    public Task<bool> Strong(ApplicationInstance application) => application.CheckApplicationInstanceCertificate(false, 2048); // Compliant
}
