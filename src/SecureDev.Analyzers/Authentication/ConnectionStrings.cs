namespace SecureDev.Analyzers.Authentication;

/// <summary>Reads the Password/Pwd entry of an ADO.NET-style connection string ("key=value;key=value").</summary>
internal static class ConnectionStrings
{
    public static bool HasLiteralPassword(string connectionString)
    {
        foreach (var part in connectionString.Split(';'))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var key = part.Substring(0, equals).Trim();
            if (key.Equals("password", StringComparison.OrdinalIgnoreCase) || key.Equals("pwd", StringComparison.OrdinalIgnoreCase))
            {
                return SecretNames.IsLiteralSecret(part.Substring(equals + 1).Trim().Trim('\'', '"'));
            }
        }

        return false;
    }
}
