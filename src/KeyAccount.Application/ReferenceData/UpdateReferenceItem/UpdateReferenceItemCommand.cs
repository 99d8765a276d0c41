using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.ReferenceData.Common;
using KeyAccount.Domain.ReferenceData;
using Mediator;

namespace KeyAccount.Application.ReferenceData.UpdateReferenceItem;

/// <summary>Replaces an entry's labels, order and active flag (If-Match); the code stays.</summary>
public sealed record UpdateReferenceItemCommand(ReferenceKind Kind, string Code, ReferenceItemFields Item, uint ExpectedVersion) : ICommand<ReferenceItemDto>;

public sealed class UpdateReferenceItemValidator : AbstractValidator<UpdateReferenceItemCommand>
{
    public UpdateReferenceItemValidator()
    {
        RuleFor(x => x.Item).NotNull().SetValidator(new ReferenceItemFieldsValidator()).OverridePropertyName(string.Empty);
    }
}

public sealed class UpdateReferenceItemHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<UpdateReferenceItemCommand, ReferenceItemDto>
{
    public async ValueTask<ReferenceItemDto> Handle(UpdateReferenceItemCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var item = await db.LoadReferenceItemAsync(command.Kind, command.Code, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        item.Update(command.Item.ToLabels(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ReferenceItemDto.From(item);
    }
}
