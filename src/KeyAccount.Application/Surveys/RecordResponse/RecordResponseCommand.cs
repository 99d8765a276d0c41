using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Complaints.Common;
using KeyAccount.Application.Surveys.Responses;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Surveys;
using KeyAccount.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Surveys.RecordResponse;

/// <summary>
/// Records a contact's answers to their invitation, found by its token (the public page, channel Email) or by its id
/// (an agent on the phone, channel Phone, recorded by the signed-in user). One transaction: the response and its
/// answers, the invitation Responded, the follow-up when needed, the account's satisfaction, the events (outbox).
/// </summary>
public sealed record RecordResponseCommand(string? Token, SurveyInvitationId? InvitationId, SurveyAnswersInput Input, SurveyInvitationChannel Channel) : ICommand<RecordedResponse>;

/// <summary>What was recorded.</summary>
/// <param name="Id">The response.</param>
/// <param name="ReceivedAt">When it was received (UTC).</param>
/// <param name="FollowUpId">The follow-up it opened, when it needed one.</param>
public sealed record RecordedResponse(SurveyResponseId Id, DateTimeOffset ReceivedAt, SurveyFollowUpId? FollowUpId);

public sealed class RecordResponseValidator : AbstractValidator<RecordResponseCommand>
{
    public RecordResponseValidator()
    {
        RuleFor(x => x.Input).NotNull().SetValidator(new SurveyAnswersInputValidator()).OverridePropertyName(string.Empty);
    }
}

public sealed class RecordResponseHandler(IAppDbContext db, ISatisfactionRefresh satisfaction, ISurveySettings settings, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RecordResponseCommand, RecordedResponse>
{
    public async ValueTask<RecordedResponse> Handle(RecordResponseCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        SurveyInvitation invitation;
        if (command.Token is { } token)
        {
            invitation = await db.FindInvitationByTokenAsync(token, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var id = command.InvitationId ?? throw new ArgumentException("An invitation is found by its token or its id.", nameof(command));
            invitation = await db.SurveyInvitations.FirstOrDefaultAsync(i => i.Id == id, cancellationToken).ConfigureAwait(false)
                ?? throw new EntityNotFoundException("Survey invitation", id.Value);
        }

        UserId? recordedBy = null;
        if (command.Channel == SurveyInvitationChannel.Phone)
        {
            recordedBy = user.UserId ?? throw new ForbiddenException("A phone response is recorded by a signed-in agent, not by an API client.");
        }

        return await ResponseRecording.RecordAsync(db, satisfaction, settings, invitation, [.. command.Input.Answers.Select(a => a.ToDomain())], command.Channel, recordedBy, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The one way a response is recorded, whatever the channel.</summary>
public static class ResponseRecording
{
    /// <summary>The invitation whose token this is: 400 naming <c>token</c> when it is not a token's shape, 404 when no invitation has it.</summary>
    public static async Task<SurveyInvitation> FindInvitationByTokenAsync(this IAppDbContext db, string? token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        IBusinessRule shape = new InvitationTokenMustBeWellFormed(token);
        if (shape.IsBroken())
        {
            throw RequestValidationException.For(shape.Field!, shape.Code, shape.Message, new Dictionary<string, object?> { ["length"] = InvitationToken.Length });
        }

        var hash = InvitationToken.Hash(token!);
        return await db.SurveyInvitations.FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("Survey invitation", "token");
    }

    /// <summary>
    /// Checks that the invitation takes answers (409 answered, 410 closed or expired), records the answers against the
    /// campaign's template version (400 naming each broken answer), marks the invitation Responded, opens the follow-up
    /// of a detractor or a low rating for the account's owner (due <see cref="ISurveySettings.FollowUpTarget"/> of the SLA
    /// policy's business calendar later), saves, and refreshes the account's satisfaction in the same transaction. A
    /// second submit racing this one is refused by the unique index on the invitation (409): nothing of it is kept.
    /// </summary>
    public static async Task<RecordedResponse> RecordAsync(
        IAppDbContext db,
        ISatisfactionRefresh satisfaction,
        ISurveySettings settings,
        SurveyInvitation invitation,
        IReadOnlyList<SurveyAnswer> answers,
        SurveyInvitationChannel channel,
        UserId? recordedBy,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(satisfaction);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(invitation);
        var campaign = await db.SurveyCampaigns.AsNoTracking().Where(c => c.Id == invitation.CampaignId)
            .Select(c => new { c.Status, c.TemplateId }).FirstAsync(cancellationToken).ConfigureAwait(false);
        invitation.CheckTakesAnswers(campaign.Status);
        var template = await db.SurveyTemplates.AsNoTracking().FirstAsync(t => t.Id == campaign.TemplateId, cancellationToken).ConfigureAwait(false);

        var response = SurveyResponse.Record(invitation, template, answers, channel, recordedBy, now);
        invitation.MarkResponded(channel, now);
        db.SurveyResponses.Add(response);

        SurveyFollowUp? followUp = null;
        if (response.NeedsFollowUp)
        {
            var owner = await db.Accounts.Where(a => a.Id == response.AccountId).Select(a => a.OwnerId).FirstAsync(cancellationToken).ConfigureAwait(false);
            var (sla, _) = await SlaPolicies.CurrentAsync(db, cancellationToken).ConfigureAwait(false);
            followUp = SurveyFollowUp.Open(response.Id, response.CampaignId, response.AccountId, response.ContactId, owner, response.FollowUpReason!.Value, response.Nps, settings.FollowUpTarget, sla.Calendar, now);
            db.SurveyFollowUps.Add(followUp);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await satisfaction.RefreshAsync(response.AccountId, response.CampaignId, cancellationToken).ConfigureAwait(false);
        return new RecordedResponse(response.Id, response.ReceivedAt, followUp?.Id);
    }
}
