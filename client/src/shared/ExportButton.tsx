// One Export button for every list: it downloads the list's file (CSV or Excel) with the list's current filters. The
// request goes through the API client (so it carries the bearer token, which a plain link could not), the answer is
// read as a blob and saved under the name the server gives in Content-Disposition. While it runs the button is busy;
// a refusal (too many rows: narrow the filters) is said in the user's language.
import { useState } from 'react';
import { App as AntApp, Button, Dropdown } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/I18nProvider';
import { ApiProblem } from './problem';
import { useProblemText } from './problemText';

export type ExportFormat = 'csv' | 'xlsx';

/** What openapi-fetch answers for a call made with `parseAs: 'blob'`. */
export type FileAnswer = Promise<{ data?: Blob; error?: unknown; response: Response }>;

/** The file name of a Content-Disposition header: the UTF-8 `filename*` (RFC 5987) first, else `filename`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // A malformed encoding: try the plain name.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/** Saves a blob as a file through a temporary object URL. */
function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns: let it live a little.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads the file `request` answers; `busy` is the format being downloaded, `error` the last failure. */
export function useFileDownload(name: string) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<unknown>(null);

  /** Resolves to the failure, or null when the file was saved. */
  const download = async (format: ExportFormat, request: () => FileAnswer): Promise<unknown> => {
    setBusy(format);
    setError(null);
    try {
      const { data, error: problem, response } = await request();
      if (!response.ok || !data) throw ApiProblem.from(response.status, problem, response.headers);
      save(data, fileNameOf(response.headers.get('Content-Disposition'), `${name}.${format}`));
      return null;
    } catch (e) {
      setError(e);
      return e ?? new Error('export failed');
    } finally {
      setBusy(null);
    }
  };

  return { download, busy, error };
}

/**
 * The Export button of a list: a menu of CSV and Excel. `fetchFile` makes the list's export request for a format
 * (with the list's current filters and the user's language); `name` is the file name to use if the server gives none;
 * `hint` says what the file holds when the button alone does not.
 */
export function ExportButton({ name, fetchFile, hint }: { name: string; fetchFile: (format: ExportFormat) => FileAnswer; hint?: string }) {
  const { t } = useI18n();
  const text = useProblemText();
  const { message } = AntApp.useApp();
  const { download, busy } = useFileDownload(name);

  const run = async (format: ExportFormat) => {
    const failure = await download(format, () => fetchFile(format));
    if (failure) {
      // The failure's own words after a short title, e.g. "Filters (narrow them…): at most 1,000,000 entries."
      const fields = failure instanceof ApiProblem
        ? Object.entries(failure.errors).flatMap(([path, errors]) => errors.map((e) => text.labelled(path, text.field(e, path))))
        : [];
      const detail = fields.length > 0 ? fields.join(' ') : text.message(failure);
      message.error({ content: <span data-testid="export-error">{t('export.failed', { detail })}</span>, key: 'export', duration: 8 });
    }
  };

  return (
    <Dropdown
      disabled={busy !== null}
      trigger={['click']}
      menu={{
        items: [
          { key: 'csv', label: t('export.csv') },
          { key: 'xlsx', label: t('export.xlsx') },
        ],
        onClick: ({ key }) => void run(key as ExportFormat),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={busy !== null} title={hint} data-testid="export-button">
        {busy ? t('export.busy') : t('export.button')}
      </Button>
    </Dropdown>
  );
}
