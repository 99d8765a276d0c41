using FluentValidation;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Accounts.Common;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Revenue.Common;
using KeyAccount.Domain.Accounts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Revenue.GetAccountRevenue;

/// <summary>An account's monthly revenue between two months (default: the last 24 months).</summary>
public sealed record GetAccountRevenueQuery(AccountId AccountId, DateOnly? From, DateOnly? To) : IQuery<AccountRevenueDto>;

public sealed class GetAccountRevenueValidator : AbstractValidator<GetAccountRevenueQuery>
{
    public GetAccountRevenueValidator()
    {
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null).WithErrorCode(FieldErrorCodes.NotAfter).WithMessage("'to' must not be before 'from'.")
            .WithState(_ => new Dictionary<string, object?> { ["other"] = "from" });
        RuleFor(x => x).Must(x => x.From is null || x.To is null || x.To.Value.DayNumber - x.From.Value.DayNumber <= 3660)
            .WithName("from").WithErrorCode(FieldErrorCodes.OutOfRange).WithMessage("The range may span at most ten years.")
            .WithState(_ => new Dictionary<string, object?> { ["maxYears"] = 10 });
    }
}

public sealed class GetAccountRevenueHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetAccountRevenueQuery, AccountRevenueDto>
{
    public async ValueTask<AccountRevenueDto> Handle(GetAccountRevenueQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await db.EnsureAccountVisibleAsync(query.AccountId, user, cancellationToken).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var to = FirstOfMonth(query.To ?? today);
        var from = FirstOfMonth(query.From ?? to.AddMonths(-23));
        // Trailing twelve months end at the latest month with data (the current month is often not yet reported).
        var latest = await db.RevenueRecords.Where(r => r.AccountId == query.AccountId && r.Month <= to)
            .MaxAsync(r => (DateOnly?)r.Month, cancellationToken).ConfigureAwait(false) ?? to;
        var ttmStart = latest.AddMonths(-11);
        var previousStart = latest.AddMonths(-23);
        var earliest = from < previousStart ? from : previousStart;

        var rows = await db.RevenueRecords.AsNoTracking()
            .Where(r => r.AccountId == query.AccountId && r.Month >= earliest && r.Month <= to)
            .OrderBy(r => r.Month)
            .Select(r => new RevenueMonthDto { Month = r.Month, Revenue = r.Revenue, GrossProfit = r.GrossProfit, OrderCount = r.OrderCount, Currency = r.Currency })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var ttm = rows.Where(r => r.Month >= ttmStart && r.Month <= latest).ToList();
        var ttmRevenue = ttm.Sum(r => r.Revenue);
        var previous = rows.Where(r => r.Month >= previousStart && r.Month < ttmStart).Sum(r => r.Revenue);
        decimal? margin = ttmRevenue == 0 ? null : Math.Round(ttm.Sum(r => r.GrossProfit) / ttmRevenue * 100, 2);
        return new AccountRevenueDto(query.AccountId, [.. rows.Where(r => r.Month >= from)], ttmRevenue, previous, margin);
    }

    private static DateOnly FirstOfMonth(DateOnly d) => new(d.Year, d.Month, 1);
}
