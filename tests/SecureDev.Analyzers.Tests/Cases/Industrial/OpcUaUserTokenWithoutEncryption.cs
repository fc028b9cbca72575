// SD5008 OPC UA user-name token whose own security policy is None; 1.4 and 1.5.
using Opc.Ua;

namespace Cases.Industrial;

public class PlainPasswords
{
    public UserTokenPolicy Constructor() =>
        new UserTokenPolicy(UserTokenType.UserName) { SecurityPolicyUri = SecurityPolicies.None }; // Noncompliant SD5008 {{SecurityPolicyUri = SecurityPolicies.None on a user-name token sends the user name and password without encrypting them when the channel itself is unsecured (IEC 62443-4-2 CR 4.1 at SL 1); leave SecurityPolicyUri empty to use the channel's policy, or set Basic256Sha256 or newer}}

    public UserTokenPolicy Initializer() => new UserTokenPolicy
    {
        TokenType = UserTokenType.UserName,
        SecurityPolicyUri = SecurityPolicies.None, // Noncompliant SD5008
    };

    public UserTokenPolicy Later()
    {
        var policy = new UserTokenPolicy(UserTokenType.IssuedToken);
        policy.SecurityPolicyUri = SecurityPolicies.None; // Noncompliant SD5008
        return policy;
    }
}

public class ProtectedTokens
{
    public UserTokenPolicy ChannelPolicy() => new UserTokenPolicy(UserTokenType.UserName); // Compliant: uses the channel's policy

    public UserTokenPolicy OwnPolicy() =>
        new UserTokenPolicy(UserTokenType.UserName) { SecurityPolicyUri = SecurityPolicies.Basic256Sha256 }; // Compliant

    public UserTokenPolicy Certificate() =>
        new UserTokenPolicy(UserTokenType.Certificate) { SecurityPolicyUri = SecurityPolicies.None }; // Compliant: a certificate token carries no secret

    public void Unknown(UserTokenPolicy policy) => policy.SecurityPolicyUri = SecurityPolicies.None; // Compliant: the token type is not known here
}
