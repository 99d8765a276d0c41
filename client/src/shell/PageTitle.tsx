import { Typography } from 'antd';
import type { ComponentProps } from 'react';

/** The page's one h1, at the size of a card title (shell.css). Pair it with usePageTitle for the browser tab. */
export function PageTitle({ className, ...props }: Omit<ComponentProps<typeof Typography.Title>, 'level'>) {
  return <Typography.Title level={1} className={['ka-page-title', className].filter(Boolean).join(' ')} {...props} />;
}
