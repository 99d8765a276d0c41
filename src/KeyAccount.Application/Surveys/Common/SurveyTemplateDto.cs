using System.Text.Json.Serialization;
using KeyAccount.Domain.Surveys;
using KeyAccount.Domain.Users;

namespace KeyAccount.Application.Surveys.Common;

/// <summary>One question of a template version.</summary>
public sealed record SurveyQuestionDto
{
    /// <summary>The question's id: answers name it; kept across versions when a template is revised.</summary>
    public Guid Id { get; init; }

    /// <summary>1, 2, … in the order the respondent sees the questions.</summary>
    /// <example>1</example>
    public int Position { get; init; }

    /// <summary>What an answer is: Nps (0–10), Rating (1–5), SingleChoice, MultiChoice or Text.</summary>
    /// <example>Nps</example>
    public QuestionType Type { get; init; }

    /// <summary>Whether a response must answer it.</summary>
    /// <example>true</example>
    public bool Required { get; init; }

    /// <summary>The question, in zh and en.</summary>
    public required LocalizedTextDto Text { get; init; }

    /// <summary>What the lowest value means (Nps and Rating); null otherwise or when not given.</summary>
    public LocalizedTextDto? LowLabel { get; init; }

    /// <summary>What the highest value means (Nps and Rating); null otherwise or when not given.</summary>
    public LocalizedTextDto? HighLabel { get; init; }

    /// <summary>The options of a SingleChoice or MultiChoice question; empty for other types.</summary>
    /// <example>[{"key":"quality","label":{"zh":"产品质量","en":"Product quality"}},{"key":"delivery","label":{"zh":"交付准时","en":"On-time delivery"}}]</example>
    public required IReadOnlyList<SurveyChoiceDto> Choices { get; init; }

    /// <summary>The longest answer in characters (Text questions); null for other types.</summary>
    /// <example>2000</example>
    public int? MaxLength { get; init; }

    public static SurveyQuestionDto From(SurveyQuestion q)
    {
        ArgumentNullException.ThrowIfNull(q);
        return new SurveyQuestionDto
        {
            Id = q.Id,
            Position = q.Position,
            Type = q.Type,
            Required = q.Required,
            Text = LocalizedTextDto.From(q.Text)!,
            LowLabel = LocalizedTextDto.From(q.LowLabel),
            HighLabel = LocalizedTextDto.From(q.HighLabel),
            Choices = [.. (q.Choices ?? []).Select(c => new SurveyChoiceDto { Key = c.Key, Label = LocalizedTextDto.From(c.Label)! })],
            MaxLength = q.MaxLength,
        };
    }
}

/// <summary>A version of a survey template, with what may be done to it now.</summary>
public sealed record SurveyTemplateDto
{
    /// <summary>This version's id.</summary>
    public SurveyTemplateId Id { get; init; }

    /// <summary>Shared by every version of the same template.</summary>
    public Guid LineageId { get; init; }

    /// <summary>What the template is called.</summary>
    /// <example>2027 上半年战略客户满意度调查</example>
    public required string Name { get; init; }

    /// <summary>What it is for; null when not given.</summary>
    /// <example>面向战略和重点客户决策者的半年度关系调查。</example>
    public string? Description { get; init; }

    /// <summary>Draft (edited), Published (frozen; campaigns use it) or Retired (replaced by its next published version: no new campaigns, existing ones keep it).</summary>
    /// <example>Published</example>
    public SurveyTemplateStatus Status { get; init; }

    /// <summary>1, 2, … within the template.</summary>
    /// <example>1</example>
    public int TemplateVersion { get; init; }

    /// <summary>The version this one revises; null for version 1.</summary>
    public SurveyTemplateId? PreviousVersionId { get; init; }

    /// <summary>When it was published (UTC); null for a draft.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>Who published it; null for a draft and for the template the installation started with.</summary>
    public UserId? PublishedBy { get; init; }

    /// <summary>The questions, in order.</summary>
    /// <example>[{"id":"0193a1e0-0000-7000-8000-000000000001","position":1,"type":"Nps","required":true,"text":{"zh":"您向同事或合作伙伴推荐我们的可能性有多大？","en":"How likely is it that you would recommend us to a colleague?"},"lowLabel":{"zh":"完全不可能","en":"Not at all likely"},"highLabel":{"zh":"非常可能","en":"Extremely likely"},"choices":[],"maxLength":null},{"id":"0193a1e0-0000-7000-8000-000000000004","position":2,"type":"SingleChoice","required":false,"text":{"zh":"您最看重我们哪一方面？","en":"What do you value most in us?"},"lowLabel":null,"highLabel":null,"choices":[{"key":"quality","label":{"zh":"产品质量","en":"Product quality"}},{"key":"delivery","label":{"zh":"交付准时","en":"On-time delivery"}}],"maxLength":null},{"id":"0193a1e0-0000-7000-8000-000000000003","position":3,"type":"Text","required":false,"text":{"zh":"您最希望我们首先改进哪一方面？","en":"What should we improve first?"},"lowLabel":null,"highLabel":null,"choices":[],"maxLength":2000}]</example>
    public required IReadOnlyList<SurveyQuestionDto> Questions { get; init; }

    /// <summary>What may be done now: <c>edit</c> and <c>publish</c> a draft, <c>revise</c> a published version that has no newer version yet.</summary>
    /// <example>["revise"]</example>
    public required IReadOnlyList<string> AllowedActions { get; init; }

    /// <summary>How many campaigns use this version.</summary>
    /// <example>0</example>
    public int UsedByCampaigns { get; init; }

    /// <summary>When the version was created (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    [JsonIgnore]
    public uint Version { get; init; }

    /// <param name="t">The version.</param>
    /// <param name="hasRevision">Whether a newer version of it exists (it is then not revised again).</param>
    /// <param name="usedByCampaigns">How many campaigns use it.</param>
    public static SurveyTemplateDto From(SurveyTemplate t, bool hasRevision, int usedByCampaigns)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new SurveyTemplateDto
        {
            Id = t.Id,
            LineageId = t.LineageId,
            Name = t.Name,
            Description = t.Description,
            Status = t.Status,
            TemplateVersion = t.TemplateVersion,
            PreviousVersionId = t.PreviousVersionId,
            PublishedAt = t.PublishedAt,
            PublishedBy = t.PublishedBy,
            Questions = [.. t.Questions.Select(SurveyQuestionDto.From)],
            AllowedActions = [.. t.AllowedActions(hasRevision).Select(a => char.ToLowerInvariant(a.ToString()[0]) + a.ToString()[1..])],
            UsedByCampaigns = usedByCampaigns,
            CreatedAt = t.CreatedAt,
            UpdatedAt = t.UpdatedAt,
            Version = t.Version,
        };
    }
}
