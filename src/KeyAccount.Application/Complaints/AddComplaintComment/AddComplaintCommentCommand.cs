using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Complaints.Common;
using KeyAccount.Domain.Complaints;
using Mediator;

namespace KeyAccount.Application.Complaints.AddComplaintComment;

/// <summary>A comment on the complaint.</summary>
/// <param name="Text" example="Customer called again; promised an update by 17:00.">The comment (required, at most 8,000 characters).</param>
public sealed record CommentInput([property: MaxLength(8000)] string Text);

public sealed record AddComplaintCommentCommand(ComplaintId Id, string Text) : ICommand<ComplaintTimelineEntryDto>;

public sealed class AddComplaintCommentValidator : AbstractValidator<AddComplaintCommentCommand>
{
    public AddComplaintCommentValidator() => RuleFor(x => x.Text).NotEmpty().MaximumLength(8000).OverridePropertyName("text");
}

public sealed class AddComplaintCommentHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<AddComplaintCommentCommand, ComplaintTimelineEntryDto>
{
    public async ValueTask<ComplaintTimelineEntryDto> Handle(AddComplaintCommentCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var me = user.UserId ?? throw new ForbiddenException("Sign in to comment.");
        var complaint = await db.LoadComplaintAsync(command.Id, user, null, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        complaint.Comment(command.Text, me, now);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var dto = await db.ToDtoAsync(complaint, now, cancellationToken).ConfigureAwait(false);
        return dto.Timeline[^1];
    }
}
