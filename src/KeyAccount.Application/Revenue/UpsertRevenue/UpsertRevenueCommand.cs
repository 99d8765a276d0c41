using System.Globalization;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Revenue.Common;
using KeyAccount.Domain.Accounts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Revenue.UpsertRevenue;

/// <summary>
/// Bulk upsert of revenue by (account, month), as the ERP pushes it. Every row is checked; if any fails, the
/// response lists each failing row's fields (<c>rows[i].field</c>, or <c>line N.field</c> for CSV) and nothing is written.
/// The accounts' development-plan measures bound to a metric are measured again in the same transaction.
/// </summary>
/// <param name="Rows">The rows (1 to 10,000).</param>
/// <param name="RowLabel">How rows are named in errors: "rows[{0}]" for JSON, "line {0}" for CSV (with the file's line numbers).</param>
/// <param name="RowNumbers">For CSV, the file line of each row.</param>
public sealed record UpsertRevenueCommand(IReadOnlyList<RevenueRowInput> Rows, string RowLabel = "rows[{0}]", IReadOnlyList<int>? RowNumbers = null) : ICommand<RevenueImportResult>;

public sealed class UpsertRevenueHandler(IAppDbContext db, IRevenueWriter writer, IPlanMetricsRefresh planMetrics, TimeProvider clock) : ICommandHandler<UpsertRevenueCommand, RevenueImportResult>
{
    public const int MaxRows = 10_000;

    public async ValueTask<RevenueImportResult> Handle(UpsertRevenueCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Rows.Count is 0 or > MaxRows)
        {
            throw RequestValidationException.For("rows", FieldErrorCodes.OutOfRange, $"Send between 1 and {MaxRows:N0} rows.", new Dictionary<string, object?> { ["min"] = 1, ["max"] = MaxRows });
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var errors = new Dictionary<string, List<FieldError>>();
        string Label(int i) => string.Format(CultureInfo.InvariantCulture, command.RowLabel, command.RowNumbers?[i] ?? i);
        void Add(int i, string field, string code, string message, IReadOnlyDictionary<string, object?>? args = null)
        {
            var key = $"{Label(i)}.{field}";
            if (!errors.TryGetValue(key, out var list))
            {
                errors[key] = list = [];
            }

            list.Add(new FieldError(code, message, args));
        }

        // Resolve accounts in two queries, whatever the number of rows.
        var ids = command.Rows.Where(r => r.AccountId is not null).Select(r => r.AccountId!.Value).Distinct().ToList();
        var registrations = command.Rows.Where(r => r.AccountId is null && !string.IsNullOrWhiteSpace(r.RegistrationNumber))
            .Select(r => Account.NormalizeRegistrationNumber(r.RegistrationNumber!)).Distinct().ToList();
        var knownIds = (await db.Accounts.Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet();
        var byRegistration = await db.Accounts.Where(a => registrations.Contains(a.RegistrationNumber))
            .ToDictionaryAsync(a => a.RegistrationNumber, a => a.Id, cancellationToken).ConfigureAwait(false);

        var rows = new List<RevenueRow>(command.Rows.Count);
        var seen = new Dictionary<(AccountId, DateOnly), int>();
        for (var i = 0; i < command.Rows.Count; i++)
        {
            var input = command.Rows[i];

            AccountId? account = null;
            if (input.AccountId is { } id)
            {
                if (knownIds.Contains(id))
                {
                    account = id;
                }
                else
                {
                    Add(i, "accountId", FieldErrorCodes.UnknownReference, "No account has this id.");
                }
            }
            else if (string.IsNullOrWhiteSpace(input.RegistrationNumber))
            {
                Add(i, "accountId", FieldErrorCodes.Required, "Give the account's id or its registration number.");
            }
            else if (byRegistration.TryGetValue(Account.NormalizeRegistrationNumber(input.RegistrationNumber), out var found))
            {
                account = found;
            }
            else
            {
                Add(i, "registrationNumber", FieldErrorCodes.UnknownReference, "No account has this registration number.");
            }

            if (!DateOnly.TryParseExact(input.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            {
                Add(i, "month", FieldErrorCodes.InvalidFormat, "Month must be written yyyy-MM.", new Dictionary<string, object?> { ["format"] = "yyyy-MM" });
                continue;
            }

            foreach (var rule in RevenueRecord.Check(month, input.Revenue, input.GrossProfit, input.OrderCount, input.Currency, today))
            {
                Add(i, rule.Field ?? "row", rule.Code, rule.Message, rule.Args.Count > 0 ? rule.Args : null);
            }

            if (account is { } a)
            {
                if (seen.TryGetValue((a, month), out var first))
                {
                    Add(i, "month", FieldErrorCodes.Duplicate, $"The same account and month already appear in {Label(first)}.", new Dictionary<string, object?> { ["other"] = Label(first) });
                }
                else
                {
                    seen[(a, month)] = i;
                    rows.Add(new RevenueRow(a, month, input.Revenue, input.GrossProfit, input.OrderCount, input.Currency));
                }
            }
        }

        if (errors.Count > 0)
        {
            var failing = errors.Keys.Select(k => k[..k.LastIndexOf('.')]).Distinct().Count();
            throw new RequestValidationException(
                errors.ToDictionary(e => e.Key, e => (IReadOnlyList<FieldError>)e.Value),
                $"{failing} of {command.Rows.Count} rows are invalid; nothing was written.");
        }

        // The development-plan measures bound to revenue (TTM revenue, growth, gross margin) of these accounts move with
        // the figures, in the same transaction: a plan never shows an actual older than the revenue it was imported with.
        var accounts = rows.Select(r => r.AccountId).Distinct().ToList();
        var (inserted, updated) = await db.InTransactionAsync(
            async ct =>
            {
                var written = await writer.UpsertAsync(rows, now, ct).ConfigureAwait(false);
                await planMetrics.RefreshAsync(now, accounts, ct).ConfigureAwait(false);
                return written;
            },
            cancellationToken).ConfigureAwait(false);
        return new RevenueImportResult(command.Rows.Count, inserted, updated);
    }
}
