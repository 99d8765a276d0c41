using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Surveys.Common;
using KeyAccount.Application.Surveys.RecordResponse;
using KeyAccount.Application.Surveys.Responses;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Surveys;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Surveys.RecordPhoneResponse;

/// <summary>A contact's answers taken on the phone.</summary>
public sealed record PhoneResponseInput
{
    /// <summary>The contact who answered: invited by the campaign, or left out of it only for having no email address.</summary>
    public required ContactId ContactId { get; init; }

    /// <summary>The answers, each naming its question.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(SurveyTemplateQuestionsMustFit.Max)]
    public required IReadOnlyList<SurveyAnswerInput> Answers { get; init; }
}

/// <summary>
/// An agent records a contact's answers by phone: the contact's invitation in the campaign is answered (channel Phone,
/// recorded by the agent). A contact the campaign left out only for having no email gets a Phone invitation now; any
/// other contact is a 409 <c>survey-contact-not-invited</c> naming <c>contactId</c>.
/// </summary>
public sealed record RecordPhoneResponseCommand(SurveyCampaignId CampaignId, PhoneResponseInput Input) : ICommand<SurveyResponseDto>;

public sealed class RecordPhoneResponseValidator : AbstractValidator<RecordPhoneResponseCommand>
{
    public RecordPhoneResponseValidator()
    {
        RuleFor(x => x.Input).NotNull();
        RuleFor(x => x.Input.Answers).NotNull().OverridePropertyName("answers").When(x => x.Input is not null);
    }
}

public sealed class RecordPhoneResponseHandler(IAppDbContext db, ISatisfactionRefresh satisfaction, ISurveySettings settings, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RecordPhoneResponseCommand, SurveyResponseDto>
{
    public async ValueTask<SurveyResponseDto> Handle(RecordPhoneResponseCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var agent = user.UserId ?? throw new ForbiddenException("A phone response is recorded by a signed-in agent, not by an API client.");
        var now = clock.GetUtcNow();
        var campaign = await db.LoadCampaignAsync(command.CampaignId, null, cancellationToken).ConfigureAwait(false);
        var contactId = command.Input.ContactId;
        var invitation = await db.SurveyInvitations.FirstOrDefaultAsync(i => i.CampaignId == campaign.Id && i.ContactId == contactId, cancellationToken).ConfigureAwait(false);
        if (invitation is null)
        {
            var skip = await db.SurveySkips.FirstOrDefaultAsync(s => s.CampaignId == campaign.Id && s.ContactId == contactId, cancellationToken).ConfigureAwait(false);
            var rule = new ContactMustBeInvitedOrReachableByPhone(skip?.Reason);
            if (rule.IsBroken())
            {
                throw new BusinessRuleViolationException(rule);
            }

            // Only the email was missing: the campaign would have asked them. The phone is their channel now.
            var contact = await db.Accounts.SelectMany(a => a.Contacts).Where(c => c.Id == contactId)
                .Select(c => new { c.AccountId, c.BuyingRole }).FirstAsync(cancellationToken).ConfigureAwait(false);
            invitation = SurveyInvitation.ForPhone(campaign.Id, contact.AccountId, contactId, contact.BuyingRole, campaign.DefaultLanguage, now);
            db.SurveyInvitations.Add(invitation);
            db.SurveySkips.Remove(skip!);
        }

        var recorded = await ResponseRecording.RecordAsync(
            db, satisfaction, settings, invitation, [.. command.Input.Answers.Select(a => a.ToDomain())], SurveyInvitationChannel.Phone, agent, now, cancellationToken).ConfigureAwait(false);
        return await ResponseReading.Project(db, db.SurveyResponses.AsNoTracking().Where(r => r.Id == recorded.Id)).FirstAsync(cancellationToken).ConfigureAwait(false);
    }
}
