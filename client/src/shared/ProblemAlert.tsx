import { Alert } from 'antd';
import { ApiProblem } from './problem';
import { useProblemText } from './problemText';

/**
 * Shows an error from the API as a readable message in the user's language (its code's message, the field errors no
 * form field shows, and the trace id for support), never raw JSON.
 *
 * `extra`: the field errors a form could not place (see toFormFields). Without it, every field error of the problem is
 * listed, with its field's name (for a page without form fields to put them on).
 */
export function ProblemAlert({ error, extra }: { error: unknown; extra?: string[] }) {
  const text = useProblemText();
  const fieldErrors =
    extra ?? (error instanceof ApiProblem ? Object.entries(error.errors).flatMap(([path, errors]) => errors.map((e) => text.labelled(path, text.field(e, path)))) : []);
  const extraLines = fieldErrors.filter(Boolean);
  if (!error && !extraLines.length) return null;
  const problem = error instanceof ApiProblem ? error : null;
  // Without an error, the first extra line is the title.
  const title = error ? text.message(error) : extraLines[0]!;
  const lines = (error ? extraLines : extraLines.slice(1)).filter((line) => line !== title);
  const trace = problem?.traceId ? text.trace(problem.traceId) : null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title}
      description={
        lines.length > 0 || trace ? (
          <>
            {lines.map((line) => (
              <div key={line}>{line}</div>
            ))}
            {trace && <div style={{ opacity: 0.6, fontSize: 12 }}>{trace}</div>}
          </>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
