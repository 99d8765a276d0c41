import { Space, Tag } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../shared/format';
import type { UserDto } from './usersApi';

/** Active or deactivated, locked (the server says until when; a run-out lockout it sends as none), waiting for a password. */
export function UserStatus({ user }: { user: UserDto }) {
  const { t, locale } = useI18n();
  return (
    <Space size={4} wrap data-testid="user-status">
      {user.isActive ? <Tag color="green">{t('users.status.active')}</Tag> : <Tag>{t('users.status.inactive')}</Tag>}
      {user.lockedUntil && <Tag color="red">{t('users.status.locked', { time: formatDateTime(locale, user.lockedUntil) })}</Tag>}
      {!user.hasPassword && <Tag color="gold">{t('users.status.noPassword')}</Tag>}
    </Space>
  );
}
