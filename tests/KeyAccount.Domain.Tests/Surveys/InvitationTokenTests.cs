using System.Security.Cryptography;
using KeyAccount.Domain.Surveys;

namespace KeyAccount.Domain.Tests.Surveys;

/// <summary>The invitation token: its shape, its randomness by nonce, its hash and the well-formedness check.</summary>
public class InvitationTokenTests
{
    private static readonly byte[] Key = "survey-token-key-for-tests-0123456789"u8.ToArray();
    private static readonly SurveyInvitationId Id = SurveyInvitationId.From(Guid.Parse("0192f3a4-5b6c-7d8e-9f00-112233445566"));

    [Test]
    public void Create_Is43Base64UrlCharacters()
    {
        var token = InvitationToken.Create(Id, InvitationToken.NewNonce(), Key).Value;
        Assert.That(token, Has.Length.EqualTo(43));
        Assert.That(token, Does.Match("^[A-Za-z0-9_-]{43}$"));
        Assert.That(InvitationToken.IsWellFormed(token), Is.True);
    }

    [Test]
    public void Create_WithTwoNonces_GivesTwoTokens()
    {
        var a = InvitationToken.Create(Id, InvitationToken.NewNonce(), Key).Value;
        var b = InvitationToken.Create(Id, InvitationToken.NewNonce(), Key).Value;
        Assert.That(a, Is.Not.EqualTo(b));
    }

    [Test]
    public void Create_IsTheSameForTheSameIdNonceAndKey_SoTheMailerRecomputesIt()
    {
        var nonce = InvitationToken.NewNonce();
        var first = InvitationToken.Create(Id, nonce, Key).Value;
        var again = InvitationToken.Create(Id, [.. nonce], Key).Value;
        Assert.That(again, Is.EqualTo(first));
        Assert.That(InvitationToken.Create(Id, nonce, "another-key"u8).Value, Is.Not.EqualTo(InvitationToken.Create(Id, nonce, Key).Value));
    }

    [Test]
    public void Create_IsHmacSha256OfTheIdInNetworkOrderThenTheNonce()
    {
        var nonce = Enumerable.Range(0, 16).Select(i => (byte)i).ToArray();
        var message = Id.Value.ToByteArray(bigEndian: true).Concat(nonce).ToArray();
        Assert.That(Convert.ToHexString(message[..4]), Is.EqualTo("0192F3A4"), "the uuid's bytes as PostgreSQL sends them");
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Key, message)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Assert.That(InvitationToken.Create(Id, nonce, Key).Value, Is.EqualTo(expected));
    }

    [Test]
    public void Hash_IsSha256OfTheToken()
    {
        var token = InvitationToken.Create(Id, InvitationToken.NewNonce(), Key).Value;
        Assert.That(InvitationToken.Hash(token), Is.EqualTo(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token))));
        Assert.That(InvitationToken.Hash(token), Has.Length.EqualTo(32));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("abc")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // 42
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // 44
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")] // padding
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")] // base64, not base64url
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA调查")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA ")]
    public void IsWellFormed_WhenMalformed_IsFalse(string? token)
    {
        Assert.That(InvitationToken.IsWellFormed(token), Is.False);
        Assert.That(new InvitationTokenMustBeWellFormed(token).IsBroken(), Is.True);
        Assert.That(new InvitationTokenMustBeWellFormed(token).Field, Is.EqualTo("token"));
    }

    [Test]
    public void Create_WhenTheNonceIsNot16Bytes_Throws() =>
        Assert.Throws<ArgumentException>(() => InvitationToken.Create(Id, new byte[15], Key));
}
