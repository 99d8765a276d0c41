using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Tests.Users;

public class UserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private static User NewUser() => User.Create(" Li.Wei@Example.CN ", "Li Wei", Role.AccountManager, "hash", Now);

    [Test]
    public void Create_NormalizesEmail() => Assert.That(NewUser().Email, Is.EqualTo("li.wei@example.cn"));

    [Test]
    public void RecordFailedLogin_WhenFourFailures_IsNotLockedOut()
    {
        var user = NewUser();
        for (var i = 0; i < User.MaxFailedAttempts - 1; i++)
        {
            user.RecordFailedLogin(Now);
        }

        Assert.That(user.IsLockedOut(Now), Is.False);
    }

    [Test]
    public void RecordFailedLogin_WhenFifthFailure_LocksOutForFifteenMinutes()
    {
        var user = NewUser();
        for (var i = 0; i < User.MaxFailedAttempts; i++)
        {
            user.RecordFailedLogin(Now);
        }

        Assert.Multiple(() =>
        {
            Assert.That(user.IsLockedOut(Now.AddMinutes(14)), Is.True);
            Assert.That(user.IsLockedOut(Now.Add(User.LockoutDuration)), Is.False);
        });
    }

    [Test]
    public void RecordFailedLogin_WhenLockoutExpired_StartsCountingAfresh()
    {
        var user = NewUser();
        for (var i = 0; i < User.MaxFailedAttempts; i++)
        {
            user.RecordFailedLogin(Now);
        }

        user.RecordFailedLogin(Now.AddMinutes(16));

        Assert.Multiple(() =>
        {
            Assert.That(user.FailedLoginCount, Is.EqualTo(1));
            Assert.That(user.IsLockedOut(Now.AddMinutes(16)), Is.False);
        });
    }

    [Test]
    public void RecordSuccessfulLogin_ResetsTheCount()
    {
        var user = NewUser();
        user.RecordFailedLogin(Now);
        user.RecordFailedLogin(Now);

        user.RecordSuccessfulLogin();

        Assert.That(user.FailedLoginCount, Is.Zero);
    }

    [Test]
    public void AcceptsSession_WithTheIssuedStamp_WhileActiveAndNotLocked() =>
        Assert.That(NewUser() is var u && u.AcceptsSession(u.SecurityStamp, Now), Is.True);

    [Test]
    public void Deactivate_EndsEverySession()
    {
        var user = NewUser();
        var issued = user.SecurityStamp;
        user.Deactivate();
        Assert.That((user.AcceptsSession(issued, Now), user.AcceptsSession(user.SecurityStamp, Now)), Is.EqualTo((false, false)));
    }

    [Test]
    public void RecordFailedLogin_WhenItLocksOut_EndsEverySession_AndTheLockRunsOut()
    {
        var user = NewUser();
        var issued = user.SecurityStamp;
        for (var i = 0; i < User.MaxFailedAttempts; i++)
        {
            user.RecordFailedLogin(Now);
        }

        Assert.That(user.AcceptsSession(issued, Now), Is.False);
        Assert.That(user.AcceptsSession(user.SecurityStamp, Now.Add(User.LockoutDuration).AddSeconds(-1)), Is.False, "locked");
        Assert.That(user.AcceptsSession(user.SecurityStamp, Now.Add(User.LockoutDuration)), Is.True, "a new sign-in after the lock");
    }

    [Test]
    public void ChangePasswordHash_EndsSessions_ButAnUpgradedHashDoesNot()
    {
        var user = NewUser();
        var issued = user.SecurityStamp;
        user.UpgradePasswordHash("stronger-hash-of-the-same-password");
        Assert.That(user.AcceptsSession(issued, Now), Is.True);
        user.ChangePasswordHash("new-password-hash");
        Assert.That(user.AcceptsSession(issued, Now), Is.False);
    }
}
