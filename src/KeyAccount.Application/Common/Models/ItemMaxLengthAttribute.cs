namespace KeyAccount.Application.Common.Models;

/// <summary>
/// The longest string each item of a list of strings may be (the list's own length is <c>[MaxLength]</c>): the
/// OpenAPI document states it as the items' <c>maxLength</c>; the use case's validator enforces it.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = false)]
public sealed class ItemMaxLengthAttribute(int length) : Attribute
{
    public int Length { get; } = length;
}
