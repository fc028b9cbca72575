// SD1008 Predictable random value used as security material: System.Random output followed to where it ends up.
using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Cases.Cryptography;

public class SessionManager
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private readonly Random _random = new();

    public string SessionToken { get; private set; } = "";

    public string LocalNamedToken()
    {
        var token = _random.Next().ToString("x8"); // Noncompliant SD1008 {{System.Random output becomes the token 'token'; use RandomNumberGenerator}}
//                  ^^^^^^^^^^^^^^
        return token;
    }

    public void Property() => SessionToken = Guid.NewGuid().ToString("N") + _random.NextInt64(); // Noncompliant SD1008 {{System.Random output becomes the token 'SessionToken'; use RandomNumberGenerator}}

    public byte[] FilledBuffer()
    {
        var salt = new byte[16];
        _random.NextBytes(salt); // Noncompliant SD1008 {{System.Random output becomes the salt 'salt'; use RandomNumberGenerator}}
        return salt;
    }

    public string BuiltFromAlphabet(int length)
    {
        var password = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            password.Append(Alphabet[Random.Shared.Next(Alphabet.Length)]); // Noncompliant SD1008 {{System.Random output becomes the password 'password'; use RandomNumberGenerator}}
        }

        return password.ToString();
    }

    public string GenerateApiKey() => Convert.ToHexString(BitConverter.GetBytes(_random.NextInt64())); // Noncompliant SD1008 {{System.Random output becomes the key returned by 'GenerateApiKey'; use RandomNumberGenerator}}

    public string Linq()
    {
        var resetCode = new string(Enumerable.Range(0, 24).Select(_ => Alphabet[_random.Next(Alphabet.Length)]).ToArray()); // Noncompliant SD1008 {{System.Random output becomes the one-time code 'resetCode'; use RandomNumberGenerator}}
        return resetCode;
    }

    public void CryptoApi(byte[] plaintext, byte[] ciphertext, byte[] tag, byte[] key)
    {
        var buffer = new byte[12];
        _random.NextBytes(buffer); // Noncompliant SD1008 {{System.Random output becomes the nonce passed to 'AesGcm.Encrypt'; use RandomNumberGenerator}}
        using var gcm = new AesGcm(key, 16);
        gcm.Encrypt(buffer, plaintext, ciphertext, tag);
    }

    public void Parameter() => Register(challenge: _random.Next(100_000, 999_999)); // Noncompliant SD1008 {{System.Random output becomes the challenge passed to 'SessionManager.Register'; use RandomNumberGenerator}}

    public Func<string> Lambda() => () => _random.Next().ToString(); // Compliant: nothing says what the lambda's result is for

    public string LambdaNamed()
    {
        Func<string> newSessionId = () => _random.Next().ToString(); // Noncompliant SD1008 {{System.Random output becomes the session identifier returned by 'newSessionId'; use RandomNumberGenerator}}
        return newSessionId();
    }

    public int[] MethodGroup()
    {
        Func<int, int> next = _random.Next; // Noncompliant SD1008 {{System.Random output becomes the one-time password 'otp'; use RandomNumberGenerator}}
        var otp = Enumerable.Range(0, 6).Select(_ => next(10)).ToArray();
        return otp;
    }

    public Func<string> AnonymousMethod()
    {
        Func<string> createSalt = delegate { return _random.Next().ToString("x"); }; // Noncompliant SD1008 {{System.Random output becomes the salt returned by 'createSalt'; use RandomNumberGenerator}}
        return createSalt;
    }

    public string LocalFunction()
    {
        return CreateNonce();

        string CreateNonce() => _random.Next().ToString(); // Noncompliant SD1008 {{System.Random output becomes the nonce returned by 'CreateNonce'; use RandomNumberGenerator}}
    }

    public string Interpolated()
    {
        var csrf = $"{_random.Next():x}-{DateTime.UtcNow.Ticks}"; // Noncompliant SD1008
        return csrf;
    }

    private static void Register(int challenge) { }
}

public class LegitimateRandomness
{
    private readonly Random _random = new(42);

    public Task Jitter(CancellationToken token) => Task.Delay(TimeSpan.FromMilliseconds(500 + _random.Next(250)), token); // Compliant: retry jitter

    public bool Sample(double rate) => _random.NextDouble() < rate; // Compliant: log sampling

    public double SimulatedSensor(double baseline) => baseline + (_random.NextDouble() - 0.5) * 0.1; // Compliant: simulation

    public string PickColor(string[] palette) => palette[_random.Next(palette.Length)]; // Compliant: UI

    public int PickKey(int[] keys)
    {
        var key = keys[_random.Next(keys.Length)]; // Compliant: a dictionary key picked at random is not key material
        return key;
    }

    public int TokenLength() => 16 + _random.Next(16); // Compliant: a length, not a token

    public string CacheKey(string prefix)
    {
        var cacheKey = $"{prefix}-{_random.Next()}"; // Compliant: a cache key spread at random is not key material
        return cacheKey;
    }

    public byte[] TestPayload(int size)
    {
        var payload = new byte[size];
        _random.NextBytes(payload); // Compliant: test data
        return payload;
    }

    public string SecureToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32)); // Compliant: a CSPRNG

    public object Simulated() => new SimulatedSession(_random.Next()); // Compliant: an object with a random field is not itself a secret

    public void Advance()
    {
        var session = new SimulatedPlant();
        session.Step(_random.NextDouble()); // Compliant: a simulation run told a random number is not a session identifier
    }

    public TimeSpan SessionTimeout() => TimeSpan.FromMinutes(10 + _random.Next(5)); // Compliant: a session's timeout is not its identifier
}

public record SimulatedSession(int Seed);

public class SimulatedPlant
{
    public void Step(double noise) { }
}
