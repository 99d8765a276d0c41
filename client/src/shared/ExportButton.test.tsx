import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import type { Middleware } from 'openapi-fetch';
import { api } from '../api/client';
import { ExportButton, fileNameOf, type FileAnswer } from './ExportButton';
import AccountsListPage from '../features/accounts/AccountsListPage';
import { TEST_TOKEN, fakeApiPerTest, json, renderWithProviders, setupUser } from '../test';

/** The full URLs the API client requested (the fake API records paths only; an export's filters are in the query). */
const urls: URL[] = [];
const recordUrls: Middleware = {
  onRequest({ request }) {
    urls.push(new URL(request.url));
    return request;
  },
};

const csvFile = (name: string) =>
  new Response('\uFEFF"Name"\r\n"Acme"\r\n', {
    status: 200,
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename=${name}; filename*=UTF-8''${encodeURIComponent(name)}` },
  });

beforeEach(() => {
  urls.length = 0;
  api.use(recordUrls);
});

// Registered after the recorder's beforeEach, so the recorder runs before the fake answers (an answer ends the chain).
const fake = fakeApiPerTest();

let saved: { name: string; href: string }[] = [];
let blobs: Blob[] = [];

beforeEach(() => {
  saved = [];
  blobs = [];
  // jsdom has no object URLs and does not navigate: record what would be saved instead.
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return `blob:test/${blobs.length}`;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, href: this.href });
  });
});

afterEach(() => {
  api.eject(recordUrls);
  vi.restoreAllMocks();
});

const exportUrl = () => urls.find((u) => u.pathname.endsWith('/export'));

describe('fileNameOf', () => {
  it('prefers the UTF-8 filename*, falls back to filename, then to the given name', () => {
    expect(fileNameOf("attachment; filename=accounts-20261202.csv; filename*=UTF-8''%E5%AE%A2%E6%88%B7.csv", 'x.csv')).toBe('客户.csv');
    expect(fileNameOf('attachment; filename="complaints-20261202.xlsx"', 'x.xlsx')).toBe('complaints-20261202.xlsx');
    expect(fileNameOf(null, 'accounts.csv')).toBe('accounts.csv');
  });
});

describe('the export button', () => {
  it('downloads the file with the bearer token and saves it under the server\'s name', async () => {
    const user = setupUser();
    fake.on('GET', '/api/v1/accounts/export', csvFile('accounts-20261202.csv'));
    renderWithProviders(
      <ExportButton name="accounts" fetchFile={(format) => api.GET('/api/v1/accounts/export', { params: { query: { format, lang: 'en', tier: 'Key' } }, parseAs: 'blob' })} />,
    );
    await user.click(screen.getByTestId('export-button'));
    await user.click(await screen.findByText('CSV (UTF-8, opens in Excel)'));

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toBe('accounts-20261202.csv');
    expect(await blobs[0]!.text()).toContain('"Acme"');
    const [request] = fake.sent('GET', '/api/v1/accounts/export');
    expect(request!.headers.get('Authorization')).toBe(`Bearer ${TEST_TOKEN}`);
    expect(Object.fromEntries(exportUrl()!.searchParams)).toEqual({ format: 'csv', lang: 'en', tier: 'Key' });
  });

  it('is busy while the file comes, and can export again afterwards', async () => {
    const user = setupUser();
    let finish!: (answer: Awaited<FileAnswer>) => void;
    const fetchFile = vi.fn(() => new Promise<Awaited<FileAnswer>>((resolve) => (finish = resolve)));
    renderWithProviders(<ExportButton name="complaints" fetchFile={fetchFile} />);
    await user.click(screen.getByTestId('export-button'));
    await user.click(await screen.findByText('Excel workbook (.xlsx)'));

    expect(fetchFile).toHaveBeenCalledWith('xlsx');
    await waitFor(() => expect(screen.getByTestId('export-button')).toHaveTextContent('Exporting…'));
    const response = new Response('PK', { headers: { 'Content-Disposition': 'attachment; filename=complaints-20261202.xlsx' } });
    finish({ data: new Blob(['PK']), response });
    await waitFor(() => expect(screen.getByTestId('export-button')).toHaveTextContent('Export'));
    expect(saved.map((s) => s.name)).toEqual(['complaints-20261202.xlsx']);
  });

  it('says why an export was refused, in the user\'s language', async () => {
    const user = setupUser();
    const tooMany = {
      type: 'https://keyaccount.dev/problems/validation',
      code: 'validation',
      status: 400,
      title: 'One or more fields are invalid.',
      traceId: 't-1',
      errors: { filters: [{ code: 'too-many-items', message: 'Narrow the filters.', args: { max: 2, count: 3 } }] },
    };
    fake.on('GET', '/api/v1/accounts/export', json(400, tooMany));
    renderWithProviders(
      <ExportButton name="accounts" fetchFile={(format) => api.GET('/api/v1/accounts/export', { params: { query: { format } }, parseAs: 'blob' })} />,
      { locale: 'zh-CN' },
    );
    await user.click(screen.getByTestId('export-button'));
    await user.click(await screen.findByText('Excel 工作簿（.xlsx）'));

    const error = await screen.findByTestId('export-error');
    expect(error).toHaveTextContent('导出失败');
    expect(error).toHaveTextContent('筛选条件');
    expect(saved).toHaveLength(0);
    expect(screen.getByTestId('export-button')).toHaveTextContent('导出');
  });
});

describe('the accounts list\'s export', () => {
  it('sends the filters and sort of the URL, not the page, in the user\'s language', async () => {
    const user = setupUser();
    fake.on('GET', '/api/v1/accounts', json(200, { items: [], page: 2, pageSize: 20, totalCount: 0, nextCursor: null }));
    fake.on('GET', '/api/v1/accounts/export', csvFile('accounts-20261202.csv'));
    renderWithProviders(<AccountsListPage />, { url: '/accounts?tier=Key&q=acme&industry=Retail&sort=-name&page=2', locale: 'zh-CN' });
    await user.click(await screen.findByTestId('export-button'));
    await user.click(await screen.findByText('CSV（UTF-8，可用 Excel 打开）'));

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(Object.fromEntries(exportUrl()!.searchParams)).toEqual({ tier: 'Key', q: 'acme', industry: 'Retail', sort: '-name', format: 'csv', lang: 'zh-CN' });
  });
});
