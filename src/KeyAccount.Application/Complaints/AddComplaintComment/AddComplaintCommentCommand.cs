using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Complaints.Common;
using KeyAccount.Domain.Complaints;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Complaints.AddComplaintComment;

/// <summary>A comment on the complaint.</summary>
/// <param name="Text" example="Customer called again; promised an update by 17:00.">The comment (required, at most 8,000 characters).</param>
public sealed record CommentInput([property: MaxLength(8000)] string Text);

public sealed record AddComplaintCommentCommand(ComplaintId Id, string Text) : ICommand<ComplaintTimelineEntryDto>;

public sealed class AddComplaintCommentValidator : AbstractValidator<AddComplaintCommentCommand>
{
    public AddComplaintCommentValidator() => RuleFor(x => x.Text).NotEmpty().MaximumLength(8000).OverridePropertyName("text");
}

/// <summary>
/// Appends the comment. A comment takes no If-Match (it changes nothing anybody read), so when the complaint changed
/// between the load and the save (another comment, a step, the escalation scan numbered the same timeline entry) it
/// is applied again to the fresh complaint rather than refused.
/// </summary>
public sealed class AddComplaintCommentHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<AddComplaintCommentCommand, ComplaintTimelineEntryDto>
{
    private const int Attempts = 3;

    public async ValueTask<ComplaintTimelineEntryDto> Handle(AddComplaintCommentCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var me = user.UserId ?? throw new ForbiddenException("Sign in to comment.");
        for (var attempt = 1; ; attempt++)
        {
            var complaint = await db.LoadComplaintAsync(command.Id, user, null, cancellationToken).ConfigureAwait(false);
            complaint.Comment(command.Text, me, clock.GetUtcNow());
            var entry = complaint.NewTimelineEntries[^1];
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PreconditionFailedException) when (attempt < Attempts)
            {
                db.ClearTracked();
                continue;
            }

            var names = await db.Users.Where(u => u.Id == me).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken).ConfigureAwait(false);
            return ComplaintTimelineEntryDto.From(entry, names);
        }
    }
}
