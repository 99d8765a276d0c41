using KeyAccount.Domain.Common;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Surveys;

/// <summary>
/// The document a template's author edits as a whole: its name, description and ordered questions. A question sent
/// without an id (<see cref="Guid.Empty"/>) is new; one sent with the id of a question keeps its identity (answers
/// compare across versions by it). Positions follow the list's order.
/// </summary>
public sealed record SurveyTemplateContent(string Name, string? Description, IReadOnlyList<SurveyQuestion> Questions);

/// <summary>
/// A version of a satisfaction-survey template (design §1.4): ordered questions (Nps, Rating, SingleChoice,
/// MultiChoice, Text) with texts in zh and en. Only a Draft is edited; publishing freezes it; revising a published
/// version makes a Draft copy with the next <see cref="TemplateVersion"/>, and publishing that retires its predecessor.
/// All versions of one template share a <see cref="LineageId"/>. The template is also the home of the answer rule
/// (<see cref="Check"/>) that every way of responding (the public page, an agent's phone form) goes through.
/// </summary>
public sealed class SurveyTemplate : AggregateRoot
{
    private List<SurveyQuestion> _questions = [];

    private SurveyTemplate()
    {
        Name = string.Empty;
    }

    public SurveyTemplateId Id { get; private set; }

    /// <summary>Shared by every version of one template.</summary>
    public Guid LineageId { get; private set; }

    public string Name { get; private set; }

    public string? Description { get; private set; }

    public SurveyTemplateStatus Status { get; private set; }

    /// <summary>1, 2, … within its lineage.</summary>
    public int TemplateVersion { get; private set; }

    /// <summary>The version this one revises; null for version 1.</summary>
    public SurveyTemplateId? PreviousVersionId { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>Who published it; null for a template the installation started with.</summary>
    public UserId? PublishedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The questions, in the order the respondent sees them (positions 1, 2, …).</summary>
    public IReadOnlyList<SurveyQuestion> Questions => _questions;

    /// <summary>A new template: version 1 of a new lineage, as a Draft.</summary>
    public static SurveyTemplate Create(SurveyTemplateContent content, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        var template = new SurveyTemplate
        {
            Id = SurveyTemplateId.New(),
            LineageId = Guid.CreateVersion7(),
            Status = SurveyTemplateStatus.Draft,
            TemplateVersion = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        template.Apply(content);
        return template;
    }

    /// <summary>Replaces the draft's document as a whole.</summary>
    public void Edit(SurveyTemplateContent content, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        CheckRule(new SurveyTemplateMustBeDraft(Status));
        Apply(content);
        UpdatedAt = now;
    }

    /// <summary>
    /// Draft → Published: the version is frozen. <paramref name="previous"/> is the version this one revises (loaded by
    /// the caller, null for version 1): it is retired in the same step, so a lineage has one version in use at a time.
    /// <paramref name="by"/> is null only for the templates an installation starts with.
    /// </summary>
    public void Publish(SurveyTemplate? previous, UserId? by, DateTimeOffset now)
    {
        CheckRule(new SurveyTemplateTransitionMustBeAllowed(Status, SurveyTemplateAction.Publish));
        CheckRule(new SurveyTemplateMustHaveQuestions(_questions.Count));
        if (previous is not null && previous.Id != PreviousVersionId)
        {
            throw new ArgumentException("The previous version given is not the one this version revises.", nameof(previous));
        }

        if (PreviousVersionId is not null && previous is null)
        {
            throw new ArgumentNullException(nameof(previous), "A revision is published together with the version it retires.");
        }

        Status = SurveyTemplateStatus.Published;
        PublishedAt = now;
        PublishedBy = by;
        UpdatedAt = now;
        previous?.Retire(now);
    }

    /// <summary>
    /// A Published version → a new Draft version copying its document (question ids kept), <c>TemplateVersion</c> + 1.
    /// <paramref name="existingRevision"/>: the newer version already made of this one, if any (a version is revised once).
    /// </summary>
    public SurveyTemplate Revise(SurveyTemplateId? existingRevision, DateTimeOffset now)
    {
        CheckRule(new SurveyTemplateTransitionMustBeAllowed(Status, SurveyTemplateAction.Revise));
        CheckRule(new SurveyTemplateIsRevisedOnce(existingRevision));
        return new SurveyTemplate
        {
            Id = SurveyTemplateId.New(),
            LineageId = LineageId,
            Name = Name,
            Description = Description,
            Status = SurveyTemplateStatus.Draft,
            TemplateVersion = TemplateVersion + 1,
            PreviousVersionId = Id,
            CreatedAt = now,
            UpdatedAt = now,
            _questions = [.. _questions],
        };
    }

    /// <summary>What may be done now (<paramref name="hasRevision"/>: a newer version of this one exists).</summary>
    public IReadOnlyList<SurveyTemplateAction> AllowedActions(bool hasRevision) => SurveyTemplateWorkflow.AllowedActions(Status, hasRevision);

    /// <summary>
    /// The answer rule: what is wrong with a response's answers to this template, each with the field it is about
    /// (<c>answers[i].number</c>, <c>answers[i].choices</c>, <c>answers[i].text</c>, <c>answers[i].questionId</c>, and
    /// <c>answers</c> for a required question left unanswered). Empty when the answers may be recorded. An answer that
    /// carries no value (no number, no choices, blank text) to a choice or text question counts as not answering it; a
    /// scale (Nps, Rating) answer without a number is refused on its number.
    /// </summary>
    public IReadOnlyList<IBusinessRule> Check(IReadOnlyList<SurveyAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var broken = new List<IBusinessRule>();
        var byId = _questions.ToDictionary(q => q.Id);
        var seen = new Dictionary<Guid, int>();
        var answered = new HashSet<Guid>();
        for (var i = 0; i < answers.Count; i++)
        {
            var answer = answers[i];
            if (!byId.TryGetValue(answer.QuestionId, out var question))
            {
                broken.Add(new AnswerMustBeToAQuestionOfTheTemplate(i, answer.QuestionId));
                continue;
            }

            if (seen.TryGetValue(answer.QuestionId, out var first))
            {
                broken.Add(new QuestionIsAnsweredOnce(i, answer.QuestionId, first));
                continue;
            }

            seen[answer.QuestionId] = i;
            var before = broken.Count;
            CheckAnswer(i, question, answer, broken);
            if (broken.Count == before && !answer.IsEmpty)
            {
                answered.Add(question.Id);
            }
            else if (broken.Count > before)
            {
                answered.Add(question.Id); // wrong, and said so on its own field: not also "unanswered"
            }
        }

        broken.AddRange(_questions.Where(q => q.Required && !answered.Contains(q.Id)).Select(q => new RequiredQuestionMustBeAnswered(q)));
        return broken;
    }

    private static void CheckAnswer(int i, SurveyQuestion question, SurveyAnswer answer, List<IBusinessRule> broken)
    {
        var hasChoices = answer.Choices is { Count: > 0 };
        var hasText = answer.Text is not null;
        switch (question.Type)
        {
            case QuestionType.Nps or QuestionType.Rating:
                Add(broken, new AnswerNumberMustBeOnTheScale(i, question.Type, answer.Number));
                if (hasChoices)
                {
                    broken.Add(new AnswerValueMustSuitTheQuestion(i, question.Type, "choices"));
                }

                if (hasText)
                {
                    broken.Add(new AnswerValueMustSuitTheQuestion(i, question.Type, "text"));
                }

                break;
            case QuestionType.SingleChoice or QuestionType.MultiChoice:
                if (answer.Number is not null)
                {
                    broken.Add(new AnswerValueMustSuitTheQuestion(i, question.Type, "number"));
                }

                if (hasText)
                {
                    broken.Add(new AnswerValueMustSuitTheQuestion(i, question.Type, "text"));
                }

                if (hasChoices)
                {
                    var offered = question.Choices?.Select(c => c.Key).ToList() ?? [];
                    var picked = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var key in answer.Choices!)
                    {
                        if (!picked.Add(key))
                        {
                            broken.Add(new AnswerChoicesMustBeDistinct(i, key));
                        }
                        else
                        {
                            Add(broken, new AnswerChoiceMustBeOffered(i, key, offered));
                        }
                    }

                    if (question.Type == QuestionType.SingleChoice)
                    {
                        Add(broken, new SingleChoiceAnswerPicksOne(i, answer.Choices!.Count));
                    }
                }

                break;
            default:
                if (answer.Number is not null)
                {
                    broken.Add(new AnswerValueMustSuitTheQuestion(i, question.Type, "number"));
                }

                if (hasChoices)
                {
                    broken.Add(new AnswerValueMustSuitTheQuestion(i, question.Type, "choices"));
                }

                if (hasText)
                {
                    Add(broken, new AnswerTextMustFit(i, answer.Text!, question.TextAnswerLimit));
                }

                break;
        }
    }

    private static void Add(List<IBusinessRule> broken, IBusinessRule rule)
    {
        if (rule.IsBroken())
        {
            broken.Add(rule);
        }
    }

    /// <summary>
    /// Every rule of a template's document that the content breaks, each naming its field (<c>name</c>,
    /// <c>questions[2].choices[0].key</c>, …): the validator answers them all at once as a 400, and the aggregate
    /// refuses a document that breaks any.
    /// </summary>
    public static IReadOnlyList<IBusinessRule> RulesBrokenBy(SurveyTemplateContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var rules = new List<IBusinessRule>
        {
            new SurveyTemplateTextMustFit("name", content.Name, SurveyTemplateTextMustFit.NameMax),
            new SurveyTemplateTextMustFit("description", content.Description, SurveyTemplateTextMustFit.DescriptionMax),
            new SurveyTemplateQuestionsMustFit(content.Questions?.Count ?? 0),
        };
        var ids = new HashSet<Guid>();
        var questions = content.Questions ?? [];
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            var at = $"questions[{i}]";
            rules.Add(new SurveyQuestionIdMustBeUnique($"{at}.id", q.Id, q.Id != Guid.Empty && !ids.Add(q.Id)));
            rules.Add(new LocalizedTextMustHaveBothLanguages($"{at}.text", q.Text));
            rules.Add(new LocalizedTextMustFit($"{at}.text", q.Text, SurveyQuestion.TextMaxLength));
            rules.Add(new ScaleLabelsOnlyOnScales($"{at}.lowLabel", q.Type, q.LowLabel));
            rules.Add(new ScaleLabelsOnlyOnScales($"{at}.highLabel", q.Type, q.HighLabel));
            foreach (var (label, field) in new[] { (q.LowLabel, "lowLabel"), (q.HighLabel, "highLabel") })
            {
                if (label is not null)
                {
                    rules.Add(new LocalizedTextMustHaveBothLanguages($"{at}.{field}", label));
                    rules.Add(new LocalizedTextMustFit($"{at}.{field}", label, SurveyQuestion.ScaleLabelMaxLength));
                }
            }

            var choices = q.Choices ?? [];
            rules.Add(new ChoicesMustSuitTheType($"{at}.choices", q.Type, choices.Count));
            var keys = new HashSet<string>(StringComparer.Ordinal);
            for (var j = 0; j < choices.Count; j++)
            {
                var c = choices[j];
                rules.Add(new ChoiceKeyMustBeWellFormed($"{at}.choices[{j}].key", c.Key));
                rules.Add(new ChoiceKeyMustBeUnique($"{at}.choices[{j}].key", c.Key, c.Key is not null && !keys.Add(c.Key)));
                rules.Add(new LocalizedTextMustHaveBothLanguages($"{at}.choices[{j}].label", c.Label));
                rules.Add(new LocalizedTextMustFit($"{at}.choices[{j}].label", c.Label, SurveyQuestion.ChoiceLabelMaxLength));
            }

            rules.Add(new MaxLengthMustSuitTheType($"{at}.maxLength", q.Type, q.MaxLength));
        }

        return [.. rules.Where(r => r.IsBroken())];
    }

    private void Apply(SurveyTemplateContent content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(content.Name);
        foreach (var rule in RulesBrokenBy(content))
        {
            CheckRule(rule);
        }

        Name = content.Name.Trim();
        Description = string.IsNullOrWhiteSpace(content.Description) ? null : content.Description.Trim();
        _questions = [.. content.Questions.Select((q, i) => q with
        {
            Id = q.Id == Guid.Empty ? Guid.CreateVersion7() : q.Id,
            Position = i + 1,
            Choices = q.HasChoices ? q.Choices : null,
            MaxLength = q.Type == QuestionType.Text ? q.MaxLength ?? SurveyQuestion.DefaultTextAnswerLength : null,
        })];
    }

    private void Retire(DateTimeOffset now)
    {
        if (Status == SurveyTemplateStatus.Published)
        {
            Status = SurveyTemplateStatus.Retired;
            UpdatedAt = now;
        }
    }
}
