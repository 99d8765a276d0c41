using System.Reflection;
using KeyAccount.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KeyAccount.Infrastructure.Persistence;

/// <summary>Stores every <see cref="ITypedId{TSelf}"/> of the domain as a uuid column and every enum by name, configured once.</summary>
internal static class TypedIdConventions
{
    public static void Apply(ModelConfigurationBuilder builder, Assembly domain)
    {
        foreach (var type in domain.GetTypes().Where(IsTypedId))
        {
            var converter = typeof(TypedIdConverter<>).MakeGenericType(type);
            builder.Properties(type).HaveConversion(converter);
        }

        // Enums are stored by name: readable in SQL and safe to reorder.
        foreach (var type in domain.GetTypes().Where(t => t.IsEnum))
        {
            builder.Properties(type).HaveConversion<string>().HaveMaxLength(32);
        }
    }

    public static bool IsTypedId(Type t) =>
        t.IsValueType && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ITypedId<>));

    private sealed class TypedIdConverter<T>() : ValueConverter<T, Guid>(id => id.Value, value => Create(value))
        where T : struct, ITypedId<T>
    {
        // Expression trees cannot call static abstract members directly; this method can.
        private static T Create(Guid value) => T.From(value);
    }
}
