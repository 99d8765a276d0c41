using KeyAccount.Api.Tests.Infrastructure;

namespace KeyAccount.Api.Tests;

/// <summary>
/// The account 360's Plan tab asks "does this account need a plan, and why" with the accounts-needing-plan list's
/// <c>accountId</c> filter: the same rule as the list and the dashboard, for one account.
/// </summary>
public class AccountPlanNeedTests : ApiTestBase
{
    private const string NeedingPlan = "/api/v1/development-plans/accounts-needing-plan";

    [Test]
    public async Task AccountIdFilter_KeyAccountWithADraftOnly_IsItsRowNotApproved_AndAGrowthAccountNeedsNone()
    {
        var key = await CreateAccountAsync("accountmanager", "NEED-PLAN-KEY", "华东精密制造有限公司");
        var growth = await CreateAccountAsync("accountmanager", "NEED-PLAN-GROWTH", "华南电子科技有限公司");
        var bare = await CreateAccountAsync("accountmanager", "NEED-PLAN-BARE", "北方重工集团");
        await ExecuteSqlAsync($"UPDATE accounts SET tier = 'Key' WHERE id IN ('{key}', '{bare}'); UPDATE accounts SET tier = 'Growth' WHERE id = '{growth}'");
        using var me = await As("accountmanager");
        var manager = (await Body(await me.GetAsync("/api/v1/me")))["id"]!.GetValue<string>();
        var (draft, _) = await ComplaintPlanLinkTests.PlanWithInitiativeAsync(key, manager);

        var keyPage = await Body(await me.GetAsync($"{NeedingPlan}?accountId={key}"));
        var growthPage = await Body(await me.GetAsync($"{NeedingPlan}?accountId={growth}"));
        var barePage = await Body(await me.GetAsync($"{NeedingPlan}?accountId={bare}&reason=NoPlan"));
        var unknown = await Body(await me.GetAsync($"{NeedingPlan}?accountId={Guid.NewGuid()}"));
        Assert.Multiple(() =>
        {
            Assert.That(keyPage["totalCount"]!.GetValue<int>(), Is.EqualTo(1));
            var row = keyPage["items"]!.AsArray().Single()!;
            Assert.That(row["accountId"]!.GetValue<string>(), Is.EqualTo(key));
            Assert.That(row["reason"]!.GetValue<string>(), Is.EqualTo("NotApproved"));
            Assert.That(row["planId"]!.GetValue<string>(), Is.EqualTo(draft));
            Assert.That(row["planStatus"]!.GetValue<string>(), Is.EqualTo("Draft"));
            Assert.That(growthPage["totalCount"]!.GetValue<int>(), Is.Zero);
            Assert.That(barePage["items"]!.AsArray().Single()!["reason"]!.GetValue<string>(), Is.EqualTo("NoPlan"));
            Assert.That(unknown["totalCount"]!.GetValue<int>(), Is.Zero);
        });
    }

    [Test]
    public async Task AccountIdFilter_NotAGuid_Is400()
    {
        using var me = await As("accountmanager");
        var response = await me.GetAsync($"{NeedingPlan}?accountId=%E5%AE%A2%E6%88%B7");
        Assert.That((int)response.StatusCode, Is.EqualTo(400), await response.Content.ReadAsStringAsync());
    }
}
