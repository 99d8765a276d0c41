using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Common.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// What every endpoint's input may hold beyond its own validation, checked once for all of them (an endpoint filter
/// on the API group, so an endpoint added later is covered too): no U+0000 in a query or route value, enum query
/// parameters by name (never by number), dates and instants in range (instants in UTC), and no <c>null</c> items in a
/// body's lists.
/// JSON values themselves are checked where JSON becomes values (<see cref="InputJsonConverters"/>).
/// </summary>
internal static class RequestGuard
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Walkable = new();

    public static TBuilder AddRequestGuard<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var parameters = factory.MethodInfo.GetParameters();
            var enumQueries = parameters
                .Select((p, i) => (Parameter: p, Index: i, Enum: Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType))
                .Where(x => x.Enum.IsEnum)
                .Select(x => (Name: x.Parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? x.Parameter.Name!, x.Enum))
                .ToArray();
            var instants = parameters
                .Select((p, i) => (Parameter: p, Index: i))
                .Where(x => x.Parameter.ParameterType == typeof(DateTimeOffset) || x.Parameter.ParameterType == typeof(DateTimeOffset?))
                .Select(x => (Name: x.Parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? x.Parameter.Name!, x.Index))
                .ToArray();
            var dates = parameters
                .Select((p, i) => (Parameter: p, Index: i))
                .Where(x => x.Parameter.ParameterType == typeof(DateOnly) || x.Parameter.ParameterType == typeof(DateOnly?))
                .Select(x => (Name: x.Parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? x.Parameter.Name!, x.Index))
                .ToArray();
            return async context =>
            {
                var http = context.HttpContext;
                var errors = new Dictionary<string, IReadOnlyList<FieldError>>();
                CheckQueryAndRoute(http, errors);
                foreach (var (name, enumType) in enumQueries)
                {
                    // Binding accepted the value already, but Enum.TryParse also takes numbers ("1") and lists ("1,2").
                    var names = Enum.GetNames(enumType);
                    if (http.Request.Query.TryGetValue(name, out var raw) && raw.Any(v => !string.IsNullOrEmpty(v) && !names.Contains(v.Trim(), StringComparer.OrdinalIgnoreCase)))
                    {
                        errors[name] = [new FieldError(FieldErrorCodes.InvalidValue, $"Use one of: {string.Join(", ", names)}.", new Dictionary<string, object?> { ["allowed"] = names })];
                    }
                }

                foreach (var (name, index) in instants)
                {
                    if (context.Arguments[index] is DateTimeOffset instant)
                    {
                        if (!InputJsonConverters.InRange(instant))
                        {
                            var range = InputJsonConverters.OutOfRange();
                            errors[name] = [new FieldError(range.Code, range.Message, range.Args)];
                        }
                        else if (http.Request.Query.TryGetValue(name, out var raw)
                            && DateTimeOffset.TryParse(raw.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var utc))
                        {
                            // A query instant without an offset is read as UTC (not the server's zone); any offset is kept.
                            context.Arguments[index] = utc;
                        }
                        else
                        {
                            context.Arguments[index] = instant.ToUniversalTime();
                        }
                    }
                }

                foreach (var (name, index) in dates)
                {
                    if (context.Arguments[index] is DateOnly date && !InputJsonConverters.InRange(date))
                    {
                        var range = InputJsonConverters.OutOfRange();
                        errors[name] = [new FieldError(range.Code, range.Message, range.Args)];
                    }
                }

                foreach (var argument in context.Arguments)
                {
                    if (argument is not null && IsBody(argument.GetType()))
                    {
                        WalkBody(argument, string.Empty, errors, depth: 0);
                    }
                }

                if (errors.Count > 0)
                {
                    throw new RequestValidationException(errors);
                }

                return await next(context).ConfigureAwait(false);
            };
        });

    /// <summary>The body checks for an endpoint that reads its body itself (one that takes JSON or CSV): 400 on a null list item.</summary>
    public static void CheckBody(object body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new Dictionary<string, IReadOnlyList<FieldError>>();
        WalkBody(body, string.Empty, errors, depth: 0);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
    }

    /// <summary>U+0000 in a query or route value (the server decodes <c>%00</c> into it) is refused with the parameter's name.</summary>
    private static void CheckQueryAndRoute(HttpContext http, Dictionary<string, IReadOnlyList<FieldError>> errors)
    {
        foreach (var (key, values) in http.Request.Query)
        {
            if (key.Contains('\0', StringComparison.Ordinal) || values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            {
                errors[key.Replace("\0", string.Empty, StringComparison.Ordinal)] = [new FieldError(FieldErrorCodes.NulCharacter, "Text may not contain the character U+0000.")];
            }
        }

        foreach (var (key, value) in http.Request.RouteValues)
        {
            if (value is string s && s.Contains('\0', StringComparison.Ordinal))
            {
                errors[key] = [new FieldError(FieldErrorCodes.NulCharacter, "Text may not contain the character U+0000.")];
            }
        }
    }

    /// <summary>Request bodies are the API's own records (and lists of them); services and primitives are not walked.</summary>
    private static bool IsBody(Type type) =>
        (type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("KeyAccount.Application", StringComparison.Ordinal) == true)
        || (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments() is [var item] && IsBody(item));

    private static void WalkBody(object value, string path, Dictionary<string, IReadOnlyList<FieldError>> errors, int depth)
    {
        if (depth > 16)
        {
            return;
        }

        if (value is IEnumerable items and not string)
        {
            var i = 0;
            foreach (var item in items)
            {
                var itemPath = $"{path}[{i++}]";
                if (item is null)
                {
                    errors[itemPath.Length > 0 && itemPath[0] == '[' ? "body" + itemPath : itemPath] = [new FieldError(FieldErrorCodes.NullItem, "A list may not contain null.")];
                }
                else if (IsBody(item.GetType()))
                {
                    WalkBody(item, itemPath, errors, depth + 1);
                }
            }

            return;
        }

        foreach (var property in Walkable.GetOrAdd(value.GetType(), PropertiesOf))
        {
            var child = property.GetValue(value);
            if (child is null)
            {
                continue;
            }

            var name = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var childPath = path.Length == 0 ? name : $"{path}.{name}";
            if (child is IEnumerable and not string || IsBody(child.GetType()))
            {
                WalkBody(child, childPath, errors, depth + 1);
            }
        }
    }

    private static PropertyInfo[] PropertiesOf(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0
                && (IsBody(p.PropertyType) || (p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType))))];
}
