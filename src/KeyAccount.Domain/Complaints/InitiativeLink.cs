using KeyAccount.Domain.DevelopmentPlans;

namespace KeyAccount.Domain.Complaints;

/// <summary>
/// A development-plan initiative a complaint's corrective action is part of, with its plan. Whoever builds one has
/// found the initiative on a plan of the complaint's account (the application's lookup; a reference that is not is a
/// 400 on <c>initiativeId</c>).
/// </summary>
public sealed record InitiativeLink(PlanInitiativeId InitiativeId, DevelopmentPlanId PlanId);
