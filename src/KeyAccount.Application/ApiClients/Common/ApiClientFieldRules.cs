using FluentValidation;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.ApiClients;

namespace KeyAccount.Application.ApiClients.Common;

/// <summary>The field rules of a client, shared by create and update: one definition of a valid name, scope list and budget.</summary>
internal static class ApiClientFieldRules
{
    public const int MaxScopes = 50;

    public static void Name<T>(this IRuleBuilder<T, string> rule) => rule.NotEmpty().MaximumLength(ApiClient.MaxNameLength);

    public static void Scopes<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, IEnumerable<string>>> scopes)
    {
        validator.RuleFor(scopes).NotEmpty().Must(s => s is null || s.Count() <= MaxScopes).WithErrorCode(FieldErrorCodes.TooManyItems)
            .WithMessage($"At most {MaxScopes} scopes.");

        // A scope is a permission string of the role table, nothing else: an unknown one would silently grant nothing.
        validator.RuleForEach(scopes).Must(s => Permissions.All.Contains(s, StringComparer.Ordinal)).WithErrorCode(FieldErrorCodes.InvalidValue)
            .WithMessage(_ => $"Not a permission; one of: {string.Join(", ", Permissions.All)}.")
            .WithState(_ => new Dictionary<string, object?> { ["allowed"] = Permissions.All });
    }

    public static void RequestsPerMinute<T>(this IRuleBuilder<T, int?> rule) => rule.InclusiveBetween(1, ApiClient.MaxRequestsPerMinute);

    /// <summary>An expiry is a future instant (any offset; the past would make a client that can never be used).</summary>
    public static void EnsureFutureExpiry(DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        if (expiresAt is { } expires && expires <= now)
        {
            throw RequestValidationException.For("expiresAt", FieldErrorCodes.DateOutOfRange, "Must be in the future.");
        }
    }
}
