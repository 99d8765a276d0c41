using System.ComponentModel.DataAnnotations;

namespace KeyAccount.Application.Complaints.Common;

/// <summary>A note on the step (required when waiting for the customer, optional otherwise).</summary>
/// <param name="Note" example="Waiting for the customer's goods-receipt note.">The note (at most 8,000 characters).</param>
public sealed record NoteInput([property: MaxLength(8000)] string? Note);
