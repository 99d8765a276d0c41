// A change sent with If-Match is refused with 412 when someone else changed the record since the user read it. Every
// page that sends such a change says so with this one alert, and reads the record again:
// - at once, when nothing the user typed is lost by it (a complaint's step: its dialog is closed; a tier pin: only the
//   account is read again; the SLA policy: its editor starts from the version just saved);
// - or when the user clicks Reload, when a reload would throw away their edits (the account form, a policy draft):
//   they can copy what they typed first, and the form starts again from the new version.
import { useState, type CSSProperties } from 'react';
import { Alert, Button } from 'antd';
import { useT } from '../i18n/I18nProvider';
import { ApiProblem } from './problem';

/** Someone else changed the record since it was read (412 stale-version). */
export const isStaleVersion = (error: unknown): error is ApiProblem => error instanceof ApiProblem && error.isStale;

export interface StaleVersion {
  /** A change was refused with 412, and the alert is showing. */
  stale: boolean;
  /** In a change's catch: true for a 412, which the alert now shows (and, read at once, the record is being read again). */
  caught(error: unknown): boolean;
  /** Reads the record again and hides the alert; {@link version} changes, so a form keyed by it starts from the new version. */
  reload(): Promise<void>;
  dismiss(): void;
  /** Changes at each reload: the key of the form that starts again from the version just read. */
  version: number;
  /** Read again at once (no Reload button). */
  readsAtOnce: boolean;
}

/** The 412 state of a page whose record `read` reads again. */
export function useStaleVersion(read: () => Promise<unknown>, { atOnce = false }: { atOnce?: boolean } = {}): StaleVersion {
  const [stale, setStale] = useState(false);
  const [version, setVersion] = useState(0);
  return {
    stale,
    caught(error) {
      if (!isStaleVersion(error)) return false;
      setStale(true);
      if (atOnce) void read();
      return true;
    },
    async reload() {
      await read();
      setStale(false);
      setVersion((v) => v + 1);
    },
    dismiss: () => setStale(false),
    version,
    readsAtOnce: atOnce,
  };
}

/** The 412 alert: what changed (title, description), with a Reload button, or closable once read again at once. */
export function StaleVersionAlert({ state, title, description, testId, style }: { state: StaleVersion; title: string; description?: string; testId?: string; style?: CSSProperties }) {
  const t = useT();
  const [reloading, setReloading] = useState(false);
  if (!state.stale) return null;
  const reload = async () => {
    setReloading(true);
    try {
      await state.reload();
    } finally {
      setReloading(false);
    }
  };
  return (
    <Alert
      type="warning"
      showIcon
      title={title}
      description={description}
      data-testid={testId}
      style={style}
      closable={state.readsAtOnce}
      onClose={state.dismiss}
      action={state.readsAtOnce ? undefined : <Button loading={reloading} onClick={reload}>{t('common.reload')}</Button>}
    />
  );
}
