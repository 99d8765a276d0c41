import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { Outlet, Route, Routes } from 'react-router-dom';
import { renderWithProviders, setupUser } from '../test';
import { pageTitle, usePageTitle } from './usePageTitle';
import { PageTitle } from './PageTitle';
import { AppLayout } from './AppLayout';
import { ErrorPage } from './ErrorPages';

function Page({ detail }: { detail?: string }) {
  usePageTitle('accounts.title', detail);
  return <PageTitle>accounts</PageTitle>;
}

describe('usePageTitle', () => {
  it('names the page and the app in Chinese', () => {
    renderWithProviders(<Page />, { locale: 'zh-CN' });
    expect(document.title).toBe('客户 · KeyAccount');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('names the page and the app in English, the record first', () => {
    renderWithProviders(<Page detail="上海宝钢" />, { locale: 'en' });
    expect(document.title).toBe('上海宝钢 · Accounts · KeyAccount');
    expect(document.documentElement.lang).toBe('en');
  });

  it('puts the app name back when the page goes', () => {
    const { unmount } = renderWithProviders(<Page />, { locale: 'en' });
    unmount();
    expect(document.title).toBe('KeyAccount');
  });

  it('leaves out parts that are empty', () => {
    expect(pageTitle([undefined, '', ' ', 'Complaints'], 'KeyAccount')).toBe('Complaints · KeyAccount');
  });

  it('gives the error pages a title and one h1', () => {
    renderWithProviders(<ErrorPage status={404} />, { locale: 'zh-CN' });
    expect(document.title).toBe('页面不存在 · KeyAccount');
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });
});

describe('the app frame', () => {
  const framed = (
    <Routes>
      <Route element={<AppLayout />}>
        <Route path="*" element={<Page />} />
      </Route>
    </Routes>
  );

  it('opens with a skip link to the main content, which takes the focus', async () => {
    const user = setupUser();
    renderWithProviders(<><Outlet />{framed}</>, { locale: 'en', url: '/accounts' });
    const skip = screen.getByRole('link', { name: 'Skip to main content' });
    await user.tab();
    expect(skip).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(document.getElementById('main-content')).toHaveFocus();
  });

  it('has a user menu button that the keyboard opens, with the languages and sign-out', async () => {
    const user = setupUser();
    renderWithProviders(framed, { locale: 'en', url: '/accounts' });
    const button = screen.getByRole('button', { name: 'User menu: Zhao Min' });
    button.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('menuitem', { name: /Sign out/ })).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: /English/ })).toBeInTheDocument();
  });

  it('on a phone shows a labelled button that opens the navigation in a drawer', async () => {
    const width = window.innerWidth;
    window.innerWidth = 390;
    try {
      const user = setupUser();
      renderWithProviders(framed, { locale: 'zh-CN', url: '/accounts' });
      expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: '打开导航' }));
      expect(await screen.findByRole('navigation', { name: '主导航' })).toBeInTheDocument();
      expect(screen.getByRole('menuitem', { name: /(^|\s)客户$/ })).toBeInTheDocument();
    } finally {
      window.innerWidth = width;
    }
  });
});
