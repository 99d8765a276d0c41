using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Common.Security;
using KeyAccount.Application.Surveys.FollowUps;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Surveys;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Surveys.CloseFollowUp;

/// <summary>What was done about the response.</summary>
/// <param name="Note" example="已致电客户并安排工程师上门，更换了故障设备。">Required, at most 2,000 characters.</param>
public sealed record CloseFollowUpInput([property: MaxLength(SurveyFollowUp.NoteMaxLength)] string? Note);

/// <summary>Closes an open follow-up with its note (If-Match).</summary>
public sealed record CloseFollowUpCommand(SurveyFollowUpId Id, CloseFollowUpInput Input, uint ExpectedVersion) : ICommand<SurveyFollowUpDto>;

public sealed class CloseFollowUpValidator : AbstractValidator<CloseFollowUpCommand>
{
    public CloseFollowUpValidator()
    {
        RuleFor(x => x.Input.Note).NotEmpty().MaximumLength(SurveyFollowUp.NoteMaxLength).OverridePropertyName("note");
    }
}

public sealed class CloseFollowUpHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CloseFollowUpCommand, SurveyFollowUpDto>
{
    public async ValueTask<SurveyFollowUpDto> Handle(CloseFollowUpCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var me = user.UserId ?? throw new ForbiddenException("Sign in as a user to close a follow-up: it records who did what.");
        var followUp = await db.SurveyFollowUps.FirstOrDefaultAsync(f => f.Id == command.Id, cancellationToken).ConfigureAwait(false);
        if (followUp is null || !await db.VisibleAccounts(user).AnyAsync(a => a.Id == followUp.AccountId, cancellationToken).ConfigureAwait(false))
        {
            throw new EntityNotFoundException("Survey follow-up", command.Id.Value);
        }

        db.ExpectVersion(followUp, command.ExpectedVersion);
        followUp.Close(me, command.Input.Note, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await FollowUpReading.ReadAsync(db, user, command.Id, cancellationToken).ConfigureAwait(false);
    }
}
