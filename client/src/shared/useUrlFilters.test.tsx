import { describe, expect, it } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { urlFilter, useUrlFilters } from './useUrlFilters';

const FILTERS = {
  q: urlFilter.text(),
  tier: urlFilter.oneOf(['Strategic', 'Key']),
  sort: urlFilter.text('name'),
  overdue: urlFilter.flag(),
  page: urlFilter.int(1),
};

function at(url: string) {
  const { result } = renderHook(() => ({ ...useUrlFilters(FILTERS), search: useLocation().search }), {
    wrapper: ({ children }) => <MemoryRouter initialEntries={[url]}>{children}</MemoryRouter>,
  });
  return result;
}

describe('useUrlFilters', () => {
  it('reads typed values with their defaults, and drops what no filter accepts', () => {
    expect(at('/accounts?q=华东&tier=Key&overdue=true&page=3').current.filters).toEqual({ q: '华东', tier: 'Key', sort: 'name', overdue: true, page: 3 });
    // An old or edited link: an unknown tier and a page that is no page are not sent to the API.
    expect(at('/accounts?tier=Gold&page=abc&overdue=yes').current.filters).toEqual({ q: undefined, tier: undefined, sort: 'name', overdue: false, page: 1 });
  });

  it('goes back to the first page when a filter changes, keeping the others', () => {
    const result = at('/accounts?q=a&tier=Key&page=3');
    act(() => result.current.setFilter('tier', 'Strategic'));
    expect(result.current.search).toBe('?q=a&tier=Strategic');
  });

  it('keeps the page a change names, and removes what is cleared (undefined, empty, off)', () => {
    const result = at('/accounts?q=a&overdue=true&sort=-name');
    act(() => result.current.setFilters({ page: 2, q: '', overdue: false }));
    expect(result.current.search).toBe('?sort=-name&page=2');
    act(() => result.current.setFilters({ sort: undefined, page: undefined }));
    expect(result.current.search).toBe('');
    expect(result.current.filters.sort).toBe('name');
  });

  it('resets to the list as it opens', () => {
    const result = at('/accounts?q=a&tier=Key&page=3&tab=other');
    act(() => result.current.resetFilters());
    expect(result.current.search).toBe('');
  });

  it('keeps several values of a repeatable filter in one parameter, dropping unknown ones', () => {
    const schema = { status: urlFilter.someOf(['Draft', 'Active', 'Submitted']), page: urlFilter.int(1) };
    const { result } = renderHook(() => ({ ...useUrlFilters(schema), search: useLocation().search }), {
      wrapper: ({ children }) => <MemoryRouter initialEntries={['/plans?status=Draft,Gold,Active,Draft&page=2']}>{children}</MemoryRouter>,
    });
    expect(result.current.filters.status).toEqual(['Draft', 'Active']);
    act(() => result.current.setFilter('status', ['Submitted', 'Active']));
    expect(decodeURIComponent(result.current.search)).toBe('?status=Submitted,Active');
    act(() => result.current.setFilter('status', []));
    expect(result.current.search).toBe('');
    expect(result.current.filters.status).toBeUndefined();
  });
});
