using FluentValidation;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Jobs.Common;
using KeyAccount.Domain.Common;
using Mediator;

namespace KeyAccount.Application.Jobs.ListJobRuns;

/// <summary>One job's runs, newest first.</summary>
public sealed record ListJobRunsQuery(string JobKey) : IQuery<PagedResult<JobRunDto>>, IPagedQuery
{
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = Paging.DefaultPageSize;
}

public sealed class ListJobRunsValidator : AbstractValidator<ListJobRunsQuery>
{
    public ListJobRunsValidator() => Include(PagingValidator.Instance);
}

public sealed class ListJobRunsHandler(IJobAdministration jobs) : IQueryHandler<ListJobRunsQuery, PagedResult<JobRunDto>>
{
    public async ValueTask<PagedResult<JobRunDto>> Handle(ListJobRunsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!await jobs.ExistsAsync(query.JobKey, cancellationToken).ConfigureAwait(false))
        {
            throw new EntityNotFoundException("Job", query.JobKey);
        }

        return await jobs.ListRunsAsync(query.JobKey, query.Page, query.PageSize, cancellationToken).ConfigureAwait(false);
    }
}
