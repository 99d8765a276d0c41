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
}
