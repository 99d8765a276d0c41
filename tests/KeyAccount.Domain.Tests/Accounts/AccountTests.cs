using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Tests.Accounts;

public class AccountTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly UserId Owner = UserId.New();

    internal static AccountProfile Profile(string name = "华东精密制造有限公司", string registration = " 91310000ma1fl1234x ", int? fit = 3, decimal? potential = 1_000_000m) =>
        new(name, registration, "Manufacturing", "East China", "Enterprise", AccountStatus.Active, fit, potential is null ? null : new Money(potential.Value, "CNY"), new DateOnly(2019, 4, 1));

    internal static ContactDetails Details(string name, ContactId? reportsTo = null, BuyingRole role = BuyingRole.User, Attitude attitude = Attitude.Neutral) =>
        new(name, null, null, null, null, null, role, attitude, reportsTo, RelationshipLevel.Vendor, RelationshipLevel.TrustedAdvisor);

    [Test]
    public void Create_WhenValid_NormalizesRegistrationNumberAndRaisesAccountCreated()
    {
        var account = Account.Create(Profile(), Owner, Now);

        Assert.Multiple(() =>
        {
            Assert.That(account.RegistrationNumber, Is.EqualTo("91310000MA1FL1234X"));
            Assert.That(account.Tier, Is.EqualTo(Tier.Standard));
            Assert.That(account.OwnerId, Is.EqualTo(Owner));
            Assert.That(account.DomainEvents.Single(), Is.TypeOf<AccountCreated>());
        });
    }

    [TestCase(0)]
    [TestCase(6)]
    public void Create_WhenStrategicFitOutsideOneToFive_BreaksStrategicFitRule(int fit)
    {
        var ex = Assert.Throws<BusinessRuleViolationException>(() => Account.Create(Profile(fit: fit), Owner, Now));
        Assert.That(ex!.Rule, Is.TypeOf<StrategicFitMustBeBetweenOneAndFiveRule>());
        Assert.That(ex.Rule.Field, Is.EqualTo("strategicFit"));
    }

    [TestCase(1)]
    [TestCase(5)]
    public void Create_WhenStrategicFitAtTheEdges_IsAccepted(int fit) =>
        Assert.That(Account.Create(Profile(fit: fit), Owner, Now).StrategicFit, Is.EqualTo(fit));

    [Test]
    public void Create_WhenPotentialRevenueNegative_BreaksPotentialRevenueRule()
    {
        var ex = Assert.Throws<BusinessRuleViolationException>(() => Account.Create(Profile(potential: -0.01m), Owner, Now));
        Assert.That(ex!.Rule, Is.TypeOf<PotentialRevenueCannotBeNegativeRule>());
    }

    [Test]
    public void Create_WhenPotentialRevenueZero_IsAccepted() =>
        Assert.That(Account.Create(Profile(potential: 0m), Owner, Now).PotentialAnnualRevenue!.Amount, Is.Zero);

    [Test]
    public void UpdateProfile_WhenStatusChanges_RaisesAccountStatusChanged()
    {
        var account = Account.Create(Profile(), Owner, Now);
        account.ClearDomainEvents();

        account.UpdateProfile(Profile() with { Status = AccountStatus.Dormant }, Now.AddMinutes(1));

        var changed = account.DomainEvents.OfType<AccountStatusChanged>().Single();
        Assert.That((changed.From, changed.To), Is.EqualTo((AccountStatus.Active, AccountStatus.Dormant)));
    }

    [Test]
    public void AnyChange_WhenMadeInTheSameInstant_StillMovesUpdatedAtForward()
    {
        var account = Account.Create(Profile(), Owner, Now);
        var before = account.UpdatedAt;

        account.AddContact(Details("王芳"), Now);

        Assert.That(account.UpdatedAt, Is.GreaterThan(before));
    }

    [Test]
    public void ChangeOwner_WhenNewOwner_RaisesAccountOwnerChanged()
    {
        var account = Account.Create(Profile(), Owner, Now);
        var other = UserId.New();

        account.ChangeOwner(other, Now);

        Assert.Multiple(() =>
        {
            Assert.That(account.OwnerId, Is.EqualTo(other));
            Assert.That(account.DomainEvents.OfType<AccountOwnerChanged>().Single().PreviousOwnerId, Is.EqualTo(Owner));
        });
    }

    [Test]
    public void ChangeOwner_WhenSameOwner_RaisesNothing()
    {
        var account = Account.Create(Profile(), Owner, Now);
        account.ClearDomainEvents();

        account.ChangeOwner(Owner, Now);

        Assert.That(account.DomainEvents, Is.Empty);
    }

    [Test]
    public void ReplaceTeam_WhenAUserTwice_BreaksTeamMemberMustBeUniqueRule()
    {
        var account = Account.Create(Profile(), Owner, Now);
        var user = UserId.New();

        var ex = Assert.Throws<BusinessRuleViolationException>(() => account.ReplaceTeam(
            [new AccountTeamMember(user, AccountTeamRole.SalesEngineer), new AccountTeamMember(user, AccountTeamRole.Finance)], Now));

        Assert.That(ex!.Rule, Is.TypeOf<TeamMemberMustBeUniqueRule>());
    }
}

public class AccountContactsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private static Account NewAccount() => Account.Create(AccountTests.Profile(), UserId.New(), Now);

    [Test]
    public void AddContact_WhenReportsToAnotherAccountsContact_BreaksSameAccountRule()
    {
        var account = NewAccount();
        var stranger = NewAccount().AddContact(AccountTests.Details("外人"), Now);

        var ex = Assert.Throws<BusinessRuleViolationException>(() => account.AddContact(AccountTests.Details("王芳", stranger.Id), Now));

        Assert.That(ex!.Rule, Is.TypeOf<ReportsToMustBeAContactOfTheSameAccountRule>());
    }

    [Test]
    public void UpdateContact_WhenReportingToThemselves_BreaksCycleRule()
    {
        var account = NewAccount();
        var ceo = account.AddContact(AccountTests.Details("CEO"), Now);

        var ex = Assert.Throws<BusinessRuleViolationException>(() => account.UpdateContact(ceo.Id, AccountTests.Details("CEO", ceo.Id), Now));

        Assert.That(ex!.Rule, Is.TypeOf<ReportsToCannotFormACycleRule>());
    }

    [Test]
    public void UpdateContact_WhenChainWouldLoopThroughOthers_BreaksCycleRule()
    {
        var account = NewAccount();
        var ceo = account.AddContact(AccountTests.Details("CEO"), Now);
        var cfo = account.AddContact(AccountTests.Details("CFO", ceo.Id), Now);
        var buyer = account.AddContact(AccountTests.Details("Buyer", cfo.Id), Now);

        Assert.Throws<BusinessRuleViolationException>(() => account.UpdateContact(ceo.Id, AccountTests.Details("CEO", buyer.Id), Now));
    }

    [Test]
    public void UpdateContact_WhenMovedToAnotherBranch_IsAccepted()
    {
        var account = NewAccount();
        var ceo = account.AddContact(AccountTests.Details("CEO"), Now);
        var cfo = account.AddContact(AccountTests.Details("CFO", ceo.Id), Now);
        var cto = account.AddContact(AccountTests.Details("CTO", ceo.Id), Now);
        var buyer = account.AddContact(AccountTests.Details("Buyer", cfo.Id), Now);

        account.UpdateContact(buyer.Id, AccountTests.Details("Buyer", cto.Id), Now);

        Assert.That(account.FindContactOrDefault(buyer.Id)!.ReportsToId, Is.EqualTo(cto.Id));
    }

    [Test]
    public void UpdateContact_WhenContactUnknown_ThrowsNotFound() =>
        Assert.Throws<EntityNotFoundException>(() => NewAccount().UpdateContact(ContactId.New(), AccountTests.Details("X"), Now));

    [Test]
    public void RemoveContact_WhenOthersReportToThem_ClearsTheirReportsTo()
    {
        var account = NewAccount();
        var ceo = account.AddContact(AccountTests.Details("CEO"), Now);
        var cfo = account.AddContact(AccountTests.Details("CFO", ceo.Id), Now);

        account.RemoveContact(ceo.Id, Now);

        Assert.Multiple(() =>
        {
            Assert.That(account.Contacts, Has.Count.EqualTo(1));
            Assert.That(account.FindContactOrDefault(cfo.Id)!.ReportsToId, Is.Null);
        });
    }

    [Test]
    public void LogInteraction_WhenContactOfAnotherAccount_BreaksContactMustBelongRule()
    {
        var account = NewAccount();
        var stranger = NewAccount().AddContact(AccountTests.Details("外人"), Now);

        var ex = Assert.Throws<BusinessRuleViolationException>(() => account.LogInteraction(
            new InteractionDetails(InteractionType.Call, Now, "Call", [stranger.Id], null, null), UserId.New(), Now));

        Assert.That(ex!.Rule.Field, Is.EqualTo("contactIds"));
    }

    [Test]
    public void LogInteraction_WhenDueDateWithoutNextStep_BreaksNextStepRule()
    {
        var ex = Assert.Throws<BusinessRuleViolationException>(() => NewAccount().LogInteraction(
            new InteractionDetails(InteractionType.Call, Now, "Call", [], "  ", new DateOnly(2026, 12, 1)), UserId.New(), Now));

        Assert.That(ex!.Rule, Is.TypeOf<NextStepDueNeedsANextStepRule>());
    }

    [Test]
    public void LogInteraction_WhenValid_DeduplicatesContactsAndRaisesInteractionLogged()
    {
        var account = NewAccount();
        var ceo = account.AddContact(AccountTests.Details("CEO"), Now);
        account.ClearDomainEvents();

        var interaction = account.LogInteraction(new InteractionDetails(InteractionType.Visit, Now, " 拜访 ", [ceo.Id, ceo.Id], "Quote", new DateOnly(2026, 12, 1)), UserId.New(), Now);

        Assert.Multiple(() =>
        {
            Assert.That(interaction.ContactIds, Is.EqualTo(new[] { ceo.Id.Value }));
            Assert.That(interaction.Summary, Is.EqualTo("拜访"));
            Assert.That(account.DomainEvents.Single(), Is.TypeOf<InteractionLogged>());
        });
    }
}

public class DecisionChainGapTests
{
    [TestCase(Tier.Growth)]
    [TestCase(Tier.Standard)]
    public void FindDecisionChainGaps_WhenNotAKeyAccount_FlagsNothing(Tier tier) =>
        Assert.That(Account.FindDecisionChainGaps(tier, []), Is.Empty);

    [Test]
    public void FindDecisionChainGaps_WhenKeyAccountHasNoContacts_FlagsBoth() =>
        Assert.That(Account.FindDecisionChainGaps(Tier.Key, []), Is.EqualTo(new[] { DecisionChainGap.NoDecisionMaker, DecisionChainGap.NoSupporter }));

    [Test]
    public void FindDecisionChainGaps_WhenDecisionMakerIsOpponentAndMentorExists_FlagsNothing() =>
        Assert.That(Account.FindDecisionChainGaps(Tier.Strategic, [(BuyingRole.DecisionMaker, Attitude.Opponent), (BuyingRole.User, Attitude.Mentor)]), Is.Empty);

    [Test]
    public void FindDecisionChainGaps_WhenOnlyNeutralDecisionMaker_FlagsNoSupporter() =>
        Assert.That(Account.FindDecisionChainGaps(Tier.Strategic, [(BuyingRole.DecisionMaker, Attitude.Neutral)]), Is.EqualTo(new[] { DecisionChainGap.NoSupporter }));
}

public class ContactGapTests
{
    [Test]
    public void FindGaps_WhenAtTarget_FlagsNothing() =>
        Assert.That(Contact.FindGaps(BuyingRole.DecisionMaker, Attitude.Neutral, RelationshipLevel.ProblemSolver, RelationshipLevel.ProblemSolver), Is.Empty);

    [Test]
    public void FindGaps_WhenAboveTarget_FlagsNothing() =>
        Assert.That(Contact.FindGaps(BuyingRole.User, Attitude.Supporter, RelationshipLevel.TrustedAdvisor, RelationshipLevel.Vendor), Is.Empty);

    [TestCase(RelationshipLevel.Vendor, RelationshipLevel.CredibleSource)]
    [TestCase(RelationshipLevel.ProblemSolver, RelationshipLevel.TrustedAdvisor)]
    [TestCase(RelationshipLevel.Vendor, RelationshipLevel.TrustedAdvisor)]
    public void FindGaps_WhenBelowTarget_FlagsBelowTargetRelationship(RelationshipLevel current, RelationshipLevel target) =>
        Assert.That(Contact.FindGaps(BuyingRole.Influencer, Attitude.Mentor, current, target), Is.EqualTo(new[] { ContactGap.BelowTargetRelationship }));

    [TestCase(Attitude.NonSupporter)]
    [TestCase(Attitude.Opponent)]
    public void FindGaps_WhenDecisionMakerIsNegative_FlagsNegativeDecisionMaker(Attitude attitude) =>
        Assert.That(Contact.FindGaps(BuyingRole.DecisionMaker, attitude, RelationshipLevel.Vendor, RelationshipLevel.Vendor), Is.EqualTo(new[] { ContactGap.NegativeDecisionMaker }));

    [TestCase(BuyingRole.Influencer)]
    [TestCase(BuyingRole.User)]
    [TestCase(BuyingRole.Gatekeeper)]
    [TestCase(BuyingRole.Champion)]
    public void FindGaps_WhenOtherRoleIsOpponent_FlagsNothing(BuyingRole role) =>
        Assert.That(Contact.FindGaps(role, Attitude.Opponent, RelationshipLevel.Vendor, RelationshipLevel.Vendor), Is.Empty);

    [TestCase(Attitude.Mentor)]
    [TestCase(Attitude.Supporter)]
    [TestCase(Attitude.Neutral)]
    public void FindGaps_WhenDecisionMakerIsNotNegative_FlagsNothing(Attitude attitude) =>
        Assert.That(Contact.FindGaps(BuyingRole.DecisionMaker, attitude, RelationshipLevel.Vendor, RelationshipLevel.Vendor), Is.Empty);

    [Test]
    public void Gaps_WhenOpposingDecisionMakerBelowTarget_FlagsBoth()
    {
        var account = Account.Create(AccountTests.Profile(), UserId.New(), new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        var contact = account.AddContact(AccountTests.Details("李总", role: BuyingRole.DecisionMaker, attitude: Attitude.Opponent), DateTimeOffset.UtcNow);
        Assert.That(contact.Gaps(), Is.EqualTo(new[] { ContactGap.BelowTargetRelationship, ContactGap.NegativeDecisionMaker }));
    }
}

public class RevenueRecordTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Test]
    public void Check_WhenValid_HasNoProblems() =>
        Assert.That(RevenueRecord.Check(new DateOnly(2026, 11, 1), 100m, -5m, 0, "CNY", Today), Is.Empty);

    [Test]
    public void Check_WhenNegativeRevenue_NamesRevenue() =>
        Assert.That(RevenueRecord.Check(new DateOnly(2026, 1, 1), -1m, -2m, 1, "CNY", Today).Select(p => p.Field), Is.EqualTo(new[] { "revenue" }));

    [Test]
    public void Check_WhenGrossProfitAboveRevenue_NamesGrossProfit() =>
        Assert.That(RevenueRecord.Check(new DateOnly(2026, 1, 1), 10m, 10.01m, 1, "CNY", Today).Select(p => p.Field), Is.EqualTo(new[] { "grossProfit" }));

    [Test]
    public void Check_WhenMonthInTheFuture_NamesMonth() =>
        Assert.That(RevenueRecord.Check(new DateOnly(2026, 12, 1), 10m, 1m, 1, "CNY", Today).Select(p => p.Field), Is.EqualTo(new[] { "month" }));

    [TestCase("cny")]
    [TestCase("RMB1")]
    [TestCase("")]
    public void Check_WhenCurrencyNotIso_NamesCurrency(string currency) =>
        Assert.That(RevenueRecord.Check(new DateOnly(2026, 1, 1), 10m, 1m, 1, currency, Today).Select(p => p.Field), Is.EqualTo(new[] { "currency" }));

    [Test]
    public void Check_WhenNegativeOrderCount_NamesOrderCount() =>
        Assert.That(RevenueRecord.Check(new DateOnly(2026, 1, 1), 10m, 1m, -1, "CNY", Today).Select(p => p.Field), Is.EqualTo(new[] { "orderCount" }));
}
