// SD2003 Validation fails open: validation routines whose exception handler turns a failed check into success.
using System;
using System.ComponentModel.DataAnnotations;
using System.Net.Http;
using System.Net.Security;
using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;

namespace Cases.Communication;

public class FailOpenValidators
{
    private readonly X509Certificate2 _root;
    private readonly RSA _vendorKey;

    public FailOpenValidators(X509Certificate2 root, RSA vendorKey)
    {
        _root = root;
        _vendorKey = vendorKey;
    }

    public bool ValidateServerCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        try
        {
            using var custom = new X509Chain();
            custom.ChainPolicy.CustomTrustStore.Add(_root);
            custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            return custom.Build(new X509Certificate2(certificate!));
        }
        catch (CryptographicException)
        {
            return true; // Noncompliant SD2003 {{Method 'ValidateServerCertificate' returns success when the check throws; return false (or rethrow) from the exception handler}}
//          ^^^^^^^^^^^^
        }
    }

    public bool VerifyFirmwareSignature(byte[] image, byte[] signature)
    {
        try
        {
            if (!_vendorKey.VerifyData(image, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss))
            {
                return false;
            }
        }
        catch (Exception ex) // Noncompliant SD2003 {{Method 'VerifyFirmwareSignature' returns success when the check throws; return false (or rethrow) from the exception handler}}
//      ^^^^^^^^^^^^^^^^^^^^
        {
            Console.WriteLine(ex.Message);
        }

        return true;
    }

    public HttpClientHandler Lambda() => new()
    {
        ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) =>
        {
            try
            {
                return errors == SslPolicyErrors.None && certificate!.GetCertHashString() == _root.Thumbprint;
            }
            catch
            {
                return true; // Noncompliant SD2003 {{The lambda returns success when the check throws; return false (or rethrow) from the exception handler}}
            }
        },
    };

    public async Task<bool> IsTokenValidAsync(string token)
    {
        try
        {
            await Task.Yield();
            return token.Split('.').Length == 3 && Convert.FromBase64String(token.Split('.')[2]).Length == 32;
        }
        catch (FormatException)
        {
            return true; // Noncompliant SD2003
        }
    }

    public Task<bool> CheckLicense(string key)
    {
        try
        {
            return Task.FromResult(key.Length == 29 && key[5] == '-');
        }
        catch (IndexOutOfRangeException)
        {
            return Task.FromResult(true); // Noncompliant SD2003
        }
    }

    public ValidationResult? ValidateRecipe(object recipe)
    {
        try
        {
            return recipe.ToString()!.Length > 0 ? ValidationResult.Success : new ValidationResult("empty");
        }
        catch (NullReferenceException)
        {
            return ValidationResult.Success; // Noncompliant SD2003
        }
    }

    public void ValidateChain(X509Certificate2 certificate)
    {
        try
        {
            using var chain = new X509Chain();
            if (!chain.Build(certificate))
            {
                throw new SecurityException("untrusted peer");
            }
        }
        catch (Exception ex) // Noncompliant SD2003
        {
            Console.WriteLine("validation error: " + ex.Message);
        }
    }

    public RemoteCertificateValidationCallback LocalFunction()
    {
        return Check;

        bool Check(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
        {
            try
            {
                return errors == SslPolicyErrors.None;
            }
            catch (InvalidOperationException)
            {
                return true; // Noncompliant SD2003
            }
        }
    }
}

public class FailClosedLookAlikes
{
    public bool ValidateServerCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        try
        {
            return errors == SslPolicyErrors.None;
        }
        catch (Exception)
        {
            return false; // Compliant: fails closed
        }
    }

    public bool VerifySignature(RSA key, byte[] data, byte[] signature)
    {
        try
        {
            return key.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        }
        catch (CryptographicException ex)
        {
            throw new SecurityException("signature check failed", ex); // Compliant: rethrows
        }
    }

    public bool TryParsePort(string text, out int port)
    {
        try
        {
            port = int.Parse(text);
            return true;
        }
        catch (FormatException)
        {
            port = 0;
            return true; // Compliant: not a validation routine
        }
    }

    public bool IsValid(string tag)
    {
        if (tag.Length == 0)
        {
            return false;
        }

        try
        {
            Console.WriteLine("audit: tag " + tag); // only logging in the try block
        }
        catch (Exception)
        {
        }

        return true; // Compliant: the try block holds no check
    }

    public void ValidateAndAudit(string user)
    {
        if (user.Length == 0)
        {
            throw new SecurityException("no user");
        }

        try
        {
            Console.WriteLine("validated " + user);
        }
        catch (System.IO.IOException) // Compliant: swallows a logging failure, not the check
        {
        }
    }

    public void ValidateSpecific(X509Certificate2 certificate)
    {
        try
        {
            if (certificate.NotAfter < DateTime.UtcNow)
            {
                throw new SecurityException("expired");
            }
        }
        catch (System.IO.IOException) // Compliant: the check's own exception is not caught here
        {
        }
    }
}
