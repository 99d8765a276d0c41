using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.ReferenceData.Common;
using KeyAccount.Domain.ReferenceData;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.ReferenceData.CreateReferenceItem;

/// <summary>Adds an entry to one managed list.</summary>
public sealed record CreateReferenceItemCommand(ReferenceKind Kind, NewReferenceItem Item) : ICommand<ReferenceItemDto>;

public sealed class CreateReferenceItemValidator : AbstractValidator<CreateReferenceItemCommand>
{
    public CreateReferenceItemValidator()
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Item).NotNull().SetValidator(new NewReferenceItemValidator()).OverridePropertyName(string.Empty);
    }
}

public sealed class CreateReferenceItemHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<CreateReferenceItemCommand, ReferenceItemDto>
{
    public async ValueTask<ReferenceItemDto> Handle(CreateReferenceItemCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var code = ReferenceItem.NormalizeCode(command.Item.Code);
        if (await db.ReferenceItems.AnyAsync(r => r.Kind == command.Kind && r.Code == code, cancellationToken).ConfigureAwait(false))
        {
            throw new ConflictException(ProblemCodes.ReferenceCodeTaken, $"The {command.Kind} list already has the code '{code}' (codes ignore case).", "code")
            {
                Args = new Dictionary<string, object?> { ["code"] = code },
            };
        }

        var item = ReferenceItem.Create(command.Kind, code, command.Item.ToLabels(), clock.GetUtcNow());
        db.ReferenceItems.Add(item);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ReferenceItemDto.From(item);
    }
}
