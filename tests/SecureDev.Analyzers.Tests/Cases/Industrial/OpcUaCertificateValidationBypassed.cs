// SD5004 OPC UA CertificateValidation handlers that accept untrusted certificates; lambda, anonymous method, method
// group and local function; 1.4 and 1.5.
using System;
using Opc.Ua;

namespace Cases.Industrial;

public class AcceptingHandlers
{
    private const bool AcceptDuringCommissioning = true;

    public void Lambda(CertificateValidator validator) =>
        validator.CertificateValidation += (sender, e) => e.Accept = true; // Noncompliant SD5004 {{e.Accept = true accepts every certificate, whatever the validation error in the OPC UA CertificateValidation handler (IEC 62443-4-2 CR 1.9 at SL 2); accept only a pinned thumbprint or when an operator setting allows it}}

    public void UntrustedOnly(CertificateValidator validator) =>
        validator.CertificateValidation += (sender, e) =>
        {
            if (e.Error.StatusCode == StatusCodes.BadCertificateUntrusted)
            {
                e.Accept = true; // Noncompliant SD5004 {{e.Accept = true accepts every certificate the stack finds untrusted in the OPC UA CertificateValidation handler (IEC 62443-4-2 CR 1.9 at SL 2); accept only a pinned thumbprint or when an operator setting allows it}}
            }
        };

    public void StatusAsValue(CertificateValidator validator) =>
        validator.CertificateValidation += delegate (CertificateValidator sender, CertificateValidationEventArgs e)
        {
            e.AcceptAll = e.Error.StatusCode.Code == StatusCodes.BadCertificateUntrusted; // Noncompliant SD5004
        };

    public void MethodGroup(CertificateValidator validator) => validator.CertificateValidation += OnValidation;

    private static void OnValidation(CertificateValidator sender, CertificateValidationEventArgs e)
    {
        if (AcceptDuringCommissioning)
        {
            e.Accept = true; // Noncompliant SD5004
        }
    }

    public void LocalFunction(CertificateValidator validator)
    {
        validator.CertificateValidation += Accept;

        static void Accept(CertificateValidator sender, CertificateValidationEventArgs e) => e.AcceptAll = true; // Noncompliant SD5004
    }
}

public class DecidingHandlers
{
    private readonly bool _autoAccept;
    private readonly string _pinnedThumbprint;

    public DecidingHandlers(bool autoAccept, string pinnedThumbprint)
    {
        _autoAccept = autoAccept;
        _pinnedThumbprint = pinnedThumbprint;
    }

    public void OperatorFlag(CertificateValidator validator) =>
        validator.CertificateValidation += (sender, e) =>
        {
            if (e.Error.StatusCode == StatusCodes.BadCertificateUntrusted)
            {
                e.Accept = _autoAccept; // Compliant: the reference samples' AutoAccept setting decides
            }
        };

    public void FlagGuard(CertificateValidator validator) =>
        validator.CertificateValidation += (sender, e) =>
        {
            if (_autoAccept && e.Error.StatusCode == StatusCodes.BadCertificateUntrusted)
            {
                e.Accept = true; // Compliant: only when the operator allows it
            }
        };

    public void Pinned(CertificateValidator validator) =>
        validator.CertificateValidation += (sender, e) =>
        {
            if (string.Equals(e.Certificate.Thumbprint, _pinnedThumbprint, StringComparison.OrdinalIgnoreCase))
            {
                e.Accept = true; // Compliant: a pinned thumbprint
            }
        };

    public void Rejects(CertificateValidator validator) =>
        validator.CertificateValidation += (sender, e) => e.Accept = false; // Compliant: rejects
}
