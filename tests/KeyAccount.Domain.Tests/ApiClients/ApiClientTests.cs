using KeyAccount.Domain.ApiClients;
using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Tests.ApiClients;

/// <summary>An API client's secret and state at their edges: the rotation overlap, zero overlap, revoke, expiry.</summary>
public class ApiClientTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 0, 0, TimeSpan.FromHours(8));

    private static (ApiClient Client, string Secret) NewClient(DateTimeOffset? expiresAt = null) =>
        ApiClient.Create("ERP", ["revenue:write", "revenue:write", "accounts:read"], null, expiresAt, null, Now);

    [Test]
    public void Create_KeepsOnlyTheHash_AndTheSecretIsPrefixedWith256RandomBits()
    {
        var (client, secret) = NewClient();
        Assert.That(secret, Does.StartWith("kac_"));
        Assert.That(Convert.FromBase64String((secret[4..] + "=").Replace('-', '+').Replace('_', '/')), Has.Length.EqualTo(32));
        Assert.That(client.SecretHash, Is.EqualTo(ApiClientSecret.Hash(secret)).And.Not.Contains(secret[4..]));
        Assert.That(client.Scopes, Is.EqualTo(new[] { "accounts:read", "revenue:write" }));
        Assert.That(client.SecretMatches(secret, Now), Is.True);
        Assert.That(client.SecretMatches(secret + "x", Now), Is.False);
    }

    [Test]
    public void RotateSecret_ThePreviousWorksUntilTheOverlapEnds_ThenStops()
    {
        var (client, old) = NewClient();
        var fresh = client.RotateSecret(TimeSpan.FromHours(24), Now);
        Assert.That(client.SecretMatches(fresh, Now), Is.True);
        Assert.That(client.SecretMatches(old, Now.AddHours(24).AddTicks(-1)), Is.True);
        Assert.That(client.SecretMatches(old, Now.AddHours(24)), Is.False);
    }

    [Test]
    public void RotateSecret_WithZeroOverlap_StopsThePreviousAtOnce()
    {
        var (client, old) = NewClient();
        client.RotateSecret(TimeSpan.Zero, Now);
        Assert.That(client.SecretMatches(old, Now), Is.False);
        Assert.That(client.PreviousSecretHash, Is.Null);
    }

    [Test]
    public void RotateSecret_WhenRevoked_BreaksRevokedApiClientCannotChange()
    {
        var (client, _) = NewClient();
        client.Revoke(Now);
        var error = Assert.Throws<BusinessRuleViolationException>(() => client.RotateSecret(TimeSpan.FromHours(1), Now));
        Assert.That(error!.Rule.Code, Is.EqualTo("api-client-revoked"));
    }

    [Test]
    public void Revoke_Twice_KeepsTheFirstInstant_AndEndsTheOverlap()
    {
        var (client, old) = NewClient();
        client.RotateSecret(TimeSpan.FromHours(24), Now);
        client.Revoke(Now);
        client.Revoke(Now.AddHours(1));
        Assert.That(client.RevokedAt, Is.EqualTo(Now));
        Assert.That(client.StateAt(Now), Is.EqualTo(ApiClientState.Revoked));
        Assert.That(client.SecretMatches(old, Now), Is.False);
    }

    [Test]
    public void StateAt_IsExpiredFromTheExpiryInstantOn()
    {
        var (client, _) = NewClient(Now.AddHours(1));
        Assert.That(client.StateAt(Now.AddHours(1).AddTicks(-1)), Is.EqualTo(ApiClientState.Active));
        Assert.That(client.StateAt(Now.AddHours(1)), Is.EqualTo(ApiClientState.Expired));
    }

    [Test]
    public void Update_ReplacesScopesSortedAndDistinct_ButNotWhenRevoked()
    {
        var (client, _) = NewClient();
        client.Update(" ERP v2 ", ["revenue:read", "accounts:read", "revenue:read"], Now.AddDays(30), 100, Now);
        Assert.That(client.Name, Is.EqualTo("ERP v2"));
        Assert.That(client.Scopes, Is.EqualTo(new[] { "accounts:read", "revenue:read" }));
        Assert.That(client.RequestsPerMinute, Is.EqualTo(100));
        client.Revoke(Now);
        Assert.Throws<BusinessRuleViolationException>(() => client.Update("ERP", ["accounts:read"], null, null, Now));
    }
}
