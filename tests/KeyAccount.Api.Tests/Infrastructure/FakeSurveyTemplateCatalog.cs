using System.Collections.Concurrent;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Surveys;

namespace KeyAccount.Api.Tests.Infrastructure;

/// <summary>
/// The template catalogue in the tests: campaigns are built on another branch than templates, so the port is
/// faked here — a template id is Published when a test published it.
/// </summary>
public sealed class FakeSurveyTemplateCatalog : ISurveyTemplateCatalog
{
    private readonly ConcurrentDictionary<Guid, bool> _published = new();

    public static FakeSurveyTemplateCatalog Instance { get; } = new();

    /// <summary>A new Published template id.</summary>
    public Guid Publish()
    {
        var id = Guid.NewGuid();
        _published[id] = true;
        return id;
    }

    /// <summary>The template is no longer Published (retired).</summary>
    public void Retire(Guid id) => _published[id] = false;

    public Task<bool> IsPublishedAsync(SurveyTemplateId templateId, CancellationToken cancellationToken) =>
        Task.FromResult(_published.TryGetValue(templateId.Value, out var published) && published);
}
