using KeyAccount.Domain.Common;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Tests.Users;

public class UserAdministrationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    private static User NewUser(Role role = Role.ServiceAgent, Department? department = null, bool head = false) =>
        User.Create($"{Guid.NewGuid():N}@test.local", "hash", new UserProfile("张伟", role, department, head, UserLanguages.Default), Now);

    private static string CodeOf(TestDelegate action) => Assert.Throws<BusinessRuleViolationException>(action)!.Rule.Code;

    [Test]
    public void Create_DefaultsToChinese_AndNoDepartment()
    {
        var user = User.Create("a@test.local", "A", Role.Marketing, "hash", Now);
        Assert.Multiple(() =>
        {
            Assert.That(user.Language, Is.EqualTo("zh-CN"));
            Assert.That(user.Department, Is.Null);
            Assert.That(user.IsDepartmentHead, Is.False);
            Assert.That(user.HasUsablePassword, Is.True);
        });
    }

    [Test]
    public void Create_WithUnusableHash_HasNoUsablePassword() =>
        Assert.That(User.Create("a@test.local", User.UnusablePasswordHash(), new UserProfile("A", Role.Marketing, null, false, "en"), Now).HasUsablePassword, Is.False);

    [Test]
    public void Create_WhenHeadWithoutDepartment_BreaksDepartmentHeadNeedsDepartment() =>
        Assert.That(CodeOf(() => NewUser(head: true)), Is.EqualTo("department-head-needs-department"));

    [Test]
    public void Create_WhenLanguageUnknown_BreaksLanguageMustBeSupported() =>
        Assert.That(CodeOf(() => User.Create("a@test.local", "hash", new UserProfile("A", Role.Marketing, null, false, "fr"), Now)), Is.EqualTo("language-not-supported"));

    [Test]
    public void ChangeProfile_WhenRoleChanges_EndsSessions()
    {
        var user = NewUser();
        var stamp = user.SecurityStamp;
        user.ChangeProfile(new UserProfile("张伟", Role.QualityManager, Department.Quality, true, "en"), otherActiveAdmins: 1);
        Assert.Multiple(() =>
        {
            Assert.That(user.AcceptsSession(stamp, Now), Is.False);
            Assert.That(user.Role, Is.EqualTo(Role.QualityManager));
            Assert.That(user.Department, Is.EqualTo(Department.Quality));
            Assert.That(user.IsDepartmentHead, Is.True);
        });
    }

    [Test]
    public void ChangeProfile_WhenRoleStays_KeepsSessions()
    {
        var user = NewUser();
        var stamp = user.SecurityStamp;
        user.ChangeProfile(new UserProfile("张伟伟", Role.ServiceAgent, Department.Service, false, "zh-CN"), otherActiveAdmins: 0);
        Assert.That(user.AcceptsSession(stamp, Now), Is.True);
    }

    [Test]
    public void ChangeProfile_WhenLastActiveAdminLosesTheRole_BreaksLastActiveAdminMustRemain()
    {
        var admin = NewUser(Role.Admin);
        Assert.That(CodeOf(() => admin.ChangeProfile(new UserProfile("A", Role.Director, null, false, "zh-CN"), otherActiveAdmins: 0)), Is.EqualTo("last-active-admin"));
        Assert.That(admin.Role, Is.EqualTo(Role.Admin));
    }

    [Test]
    public void AssignManager_WhenSelf_BreaksManagerMustNotFormCycle()
    {
        var user = NewUser();
        Assert.That(CodeOf(() => user.AssignManager(user.Id, _ => null)), Is.EqualTo("manager-cycle"));
    }

    [Test]
    public void AssignManager_WhenTheManagerReportsToTheUser_BreaksManagerMustNotFormCycle()
    {
        var a = NewUser();
        var b = NewUser();
        var c = NewUser();
        // c reports to b, b reports to a: a may not report to c (a three-step loop), nor to b (a two-step one).
        var lines = new Dictionary<UserId, UserId?> { [c.Id] = b.Id, [b.Id] = a.Id, [a.Id] = null };
        Assert.Multiple(() =>
        {
            Assert.That(CodeOf(() => a.AssignManager(c.Id, id => lines.GetValueOrDefault(id))), Is.EqualTo("manager-cycle"));
            Assert.That(CodeOf(() => a.AssignManager(b.Id, id => lines.GetValueOrDefault(id))), Is.EqualTo("manager-cycle"));
        });
        Assert.That(a.ManagerId, Is.Null);
    }

    [Test]
    public void AssignManager_WhenALoopExistsAboveTheManager_StopsAndAccepts()
    {
        var user = NewUser();
        var x = UserId.New();
        var y = UserId.New();
        var lines = new Dictionary<UserId, UserId?> { [x] = y, [y] = x };
        user.AssignManager(x, id => lines.GetValueOrDefault(id));
        Assert.That(user.ManagerId, Is.EqualTo(x));
    }

    [Test]
    public void Deactivate_WhenSelf_BreaksAdminCannotDeactivateThemself()
    {
        var admin = NewUser(Role.Admin);
        Assert.That(CodeOf(() => admin.Deactivate(admin.Id, otherActiveAdmins: 3)), Is.EqualTo("cannot-deactivate-self"));
        Assert.That(admin.IsActive, Is.True);
    }

    [Test]
    public void Deactivate_WhenLastActiveAdmin_BreaksLastActiveAdminMustRemain() =>
        Assert.That(CodeOf(() => NewUser(Role.Admin).Deactivate(UserId.New(), otherActiveAdmins: 0)), Is.EqualTo("last-active-admin"));

    [Test]
    public void Deactivate_AnotherUser_EndsSessions()
    {
        var user = NewUser();
        var stamp = user.SecurityStamp;
        user.Deactivate(UserId.New(), otherActiveAdmins: 0);
        Assert.That(user.AcceptsSession(stamp, Now), Is.False);
    }

    [Test]
    public void Unlock_ClearsTheLockout()
    {
        var user = NewUser();
        for (var i = 0; i < User.MaxFailedAttempts; i++)
        {
            user.RecordFailedLogin(Now);
        }

        user.Unlock();
        Assert.Multiple(() =>
        {
            Assert.That(user.IsLockedOut(Now), Is.False);
            Assert.That(user.FailedLoginCount, Is.Zero);
        });
    }

    [Test]
    public void ResetPassword_EndsSessions_AndUnlocks()
    {
        var user = NewUser();
        for (var i = 0; i < User.MaxFailedAttempts; i++)
        {
            user.RecordFailedLogin(Now);
        }

        var stamp = user.SecurityStamp;
        user.ResetPassword(User.UnusablePasswordHash());
        Assert.Multiple(() =>
        {
            Assert.That(user.AcceptsSession(stamp, Now), Is.False);
            Assert.That(user.IsLockedOut(Now), Is.False);
            Assert.That(user.HasUsablePassword, Is.False);
        });
    }

    [Test]
    public void SetPasswordToken_Issue_StoresOnlyTheHash_AndLasts72Hours()
    {
        var (record, token) = SetPasswordToken.Issue(UserId.New(), Now);
        Assert.Multiple(() =>
        {
            Assert.That(token, Has.Length.EqualTo(43), "256 bits in base64url without padding");
            Assert.That(token, Does.Match("^[A-Za-z0-9_-]+$"));
            Assert.That(record.TokenHash, Is.EqualTo(SetPasswordToken.HashOf(token)));
            Assert.That(record.IsUsable(Now.AddHours(71.9)), Is.True);
            Assert.That(record.IsUsable(Now.AddHours(72)), Is.False);
        });
        record.MarkUsed(Now);
        Assert.That(record.IsUsable(Now), Is.False);
    }
}
