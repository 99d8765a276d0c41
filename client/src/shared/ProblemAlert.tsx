import { Alert } from 'antd';
import { ApiProblem } from './problem';
import { useT } from '../i18n/I18nProvider';

/** Shows an error from the API as a readable message (with its trace id for support), never raw JSON. */
export function ProblemAlert({ error, extra }: { error: unknown; extra?: string[] }) {
  const t = useT();
  if (!error && !extra?.length) return null;
  const problem = error instanceof ApiProblem ? error : null;
  const title = problem ? (t(`problem.${problem.status}` as never, { fallback: problem.title }) as string) : t('problem.network');
  const lines = [problem?.detail, ...(extra ?? [])].filter(Boolean) as string[];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title}
      description={
        <>
          {lines.map((line) => (
            <div key={line}>{line}</div>
          ))}
          {problem?.traceId && <div style={{ opacity: 0.6, fontSize: 12 }}>{t('problem.trace', { id: problem.traceId })}</div>}
        </>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
