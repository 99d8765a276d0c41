using KeyAccount.Domain.Common;
using KeyAccount.Domain.Complaints;

namespace KeyAccount.Domain.Users;

[RuleCode("manager-cycle")]
public sealed class ManagerMustNotFormCycle(UserId user, UserId? manager, Func<UserId, UserId?> managerOf) : IBusinessRule
{
    public bool IsBroken()
    {
        // Follow the reporting line up from the new manager; reaching the user closes a loop. The visited set stops
        // the walk on a loop that already exists above (data written before this rule), instead of spinning.
        var visited = new HashSet<UserId>();
        for (var current = manager; current is { } id; current = managerOf(id))
        {
            if (id == user)
            {
                return true;
            }

            if (!visited.Add(id))
            {
                return false;
            }
        }

        return false;
    }

    public string Message => manager == user ? "A user cannot be their own manager." : "This manager reports (directly or through others) to the user: the reporting line would go round in a circle.";

    public string? Field => "managerId";
}

[RuleCode("department-head-needs-department")]
public sealed class DepartmentHeadNeedsDepartment(bool isHead, Department? department) : IBusinessRule
{
    public bool IsBroken() => isHead && department is null;

    public string Message => "A department head needs a department.";

    public string? Field => "isDepartmentHead";
}

[RuleCode("language-not-supported")]
public sealed class LanguageMustBeSupported(string? language) : IBusinessRule
{
    public bool IsBroken() => language is null || !UserLanguages.All.Contains(language, StringComparer.Ordinal);

    public string Message => $"The language must be one of: {string.Join(", ", UserLanguages.All)}.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["allowed"] = UserLanguages.All };

    public string? Field => "language";
}

[RuleCode("cannot-deactivate-self")]
public sealed class AdminCannotDeactivateThemself(UserId user, UserId by) : IBusinessRule
{
    public bool IsBroken() => user == by;

    public string Message => "You cannot deactivate yourself; ask another Admin.";
}

[RuleCode("last-active-admin")]
public sealed class LastActiveAdminMustRemain(int otherActiveAdmins, string? requestField) : IBusinessRule
{
    public bool IsBroken() => otherActiveAdmins < 1;

    public string Message => "This is the last active Admin: nobody could manage users any more.";

    public string? Field => requestField;
}
