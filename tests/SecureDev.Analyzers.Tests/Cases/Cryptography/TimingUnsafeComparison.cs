// SD1009 Timing-unsafe comparison of a secret: MACs, hashes, tokens and passwords compared with an early-exit comparison.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Cases.Cryptography;

public class UpdateServer
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly string _apiToken = Environment.GetEnvironmentVariable("API_TOKEN") ?? "";

    public bool VerifyMac(byte[] payload, byte[] receivedMac)
    {
        var expectedMac = HMACSHA256.HashData(_key, payload);
        return expectedMac.SequenceEqual(receivedMac); // Noncompliant SD1009 {{'expectedMac' is compared with SequenceEqual, which stops at the first difference and tells an attacker through timing how much matched; use CryptographicOperations.FixedTimeEquals}}
//             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    }

    public bool ReferenceEquality(byte[] signature, byte[] computed) => signature == computed; // Noncompliant SD1009

    public bool SpanCompare(ReadOnlySpan<byte> tag, ReadOnlySpan<byte> other) => tag.SequenceEqual(other) && other.SequenceEqual(tag) is var hmac && hmac; // Compliant: 'tag' and 'other' say nothing about a secret

    public bool FromHashApi(byte[] firmware, byte[] published)
    {
        var digest = SHA256.HashData(firmware);
        return published.SequenceEqual(digest); // Noncompliant SD1009 {{'digest' is compared with SequenceEqual, which stops at the first difference and tells an attacker through timing how much matched; use CryptographicOperations.FixedTimeEquals}}
    }

    public bool OriginOnly(byte[] payload, string header)
    {
        var computed = Convert.ToHexString(HMACSHA256.HashData(_key, payload));
        return string.Equals(computed, header, StringComparison.OrdinalIgnoreCase); // Noncompliant SD1009 {{the HMAC from 'HMACSHA256.HashData' is compared with string.Equals, which stops at the first difference and tells an attacker through timing how much matched; use CryptographicOperations.FixedTimeEquals}}
    }

    public bool Token(string presented) => presented == _apiToken; // Noncompliant SD1009

    public bool InstanceEquals(string password, string stored) => password.Equals(stored); // Noncompliant SD1009

    public bool HeaderByName(IDictionary<string, string> headers, string expected) => headers["X-Signature"] != expected; // Noncompliant SD1009

    public bool Method(byte[] data, string provided) => ComputeSignature(data) == provided; // Noncompliant SD1009

    public Func<string, bool> Lambda() => candidate => candidate == _apiToken; // Noncompliant SD1009

    public bool LocalFunction(byte[] data, byte[] received)
    {
        return Check(received);

        bool Check(byte[] mac) => Enumerable.SequenceEqual(mac, HMACSHA256.HashData(_key, data)); // Noncompliant SD1009
    }

    private string ComputeSignature(byte[] data) => Convert.ToBase64String(HMACSHA256.HashData(_key, data));
}

public class ComparisonLookAlikes
{
    public bool FixedTime(byte[] expectedMac, byte[] receivedMac) => CryptographicOperations.FixedTimeEquals(expectedMac, receivedMac); // Compliant

    public bool Missing(string? token) => token == null || token == ""; // Compliant: comparing with null and empty reveals nothing

    public bool Length(byte[] mac, byte[] other) => mac.Length == other.Length; // Compliant: lengths are public

    public bool Confirmation(string password, string confirmPassword) => password == confirmPassword; // Compliant: both typed by the same user

    public bool NotASecret(string userName, string expected) => userName == expected; // Compliant: a user name

    public bool Algorithm(HashAlgorithmName hashName, HashAlgorithmName other) => hashName == other; // Compliant: an algorithm name, not a hash

    public bool Hashcode(int hash, int other) => hash == other; // Compliant: numbers

    public bool Literal(string password) => password == "admin"; // Compliant: a literal credential is SD3002's

    public bool Query(IQueryable<Account> accounts, string tokenHash) => accounts.Any(a => a.TokenHash == tokenHash); // Compliant: the database compares

    public bool MethodSignature(string methodSignature, string other) => methodSignature == other; // Compliant: a method's shape
}

public sealed class Account : IEquatable<Account>
{
    public string TokenHash { get; set; } = "";

    public bool Equals(Account? other) => other is not null && TokenHash == other.TokenHash; // Compliant: equality members compare state

    public override bool Equals(object? obj) => Equals(obj as Account);

    public override int GetHashCode() => TokenHash.GetHashCode(StringComparison.Ordinal);
}
