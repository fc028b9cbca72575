using System.Security.Cryptography;
using System.Text;

namespace PlcGateway.Configuration;

/// <summary>Encrypts secrets stored in the gateway's configuration file with the device key.</summary>
public static class SecretProtector
{
    public static string Protect(string secret, byte[] deviceKey, byte[] iv)
    {
        using var cipher = TripleDES.Create();
        cipher.Key = deviceKey;
        return Convert.ToBase64String(cipher.EncryptCbc(Encoding.UTF8.GetBytes(secret), iv));
    }
}
