import { Component, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../i18n/I18nProvider';
import { PageTitle } from './PageTitle';
import { usePageTitle } from './usePageTitle';

export function ErrorPage({ status }: { status: 403 | 404 | 500 }) {
  const t = useT();
  usePageTitle(`error.${status}.title`);
  return (
    <Result
      status={status === 500 ? 'error' : String(status) as '403' | '404'}
      title={<PageTitle style={{ fontSize: 24 }}>{t(`error.${status}.title`)}</PageTitle>}
      subTitle={t(`error.${status}.body`)}
      extra={
        <Link to="/">
          <Button type="primary">{t('error.home')}</Button>
        </Link>
      }
    />
  );
}

/** Any render error shows the 500 page instead of a blank screen. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    return this.state.failed ? <ErrorPage status={500} /> : this.props.children;
  }
}
