import { useState, type ReactNode } from 'react';
import { Collapse, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useSession } from '../../auth/session';
import { useI18n, type Translate } from '../../i18n/I18nProvider';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { formatDate, formatDateTime } from '../../shared/format';
import { useAuditTrail, type AuditEntityType, type AuditEntryDto, type AuditFieldChangeDto } from './auditApi';

/** Whose history: one record (`entityType` + `entityId`), every record of a type, or everything of one account. */
export interface AuditHistoryProps {
  entityType?: AuditEntityType;
  entityId?: string;
  accountId?: string;
  pageSize?: number;
}

const ACTION_COLOR: Record<AuditEntryDto['action'], string> = { Created: 'green', Updated: 'blue', Deleted: 'red' };

/** What the server stores for a secret (the field is listed as changed; its values never leave the database). */
const REDACTED = '***';

/** A field's name in the reader's language; a field without a message (added later) in words from its camelCase name. */
function fieldLabel(field: string, t: Translate, has: (key: string) => boolean) {
  const key = `audit.field.${field}`;
  if (has(key)) return t(key as Parameters<Translate>[0]);
  const words = field.replace(/\./g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A value as the server stored it, for reading: instants and dates in the locale, lists one item after another. */
export function formatAuditValue(value: unknown, t: Translate, locale: string): string {
  if (value === null || value === undefined || value === '') return t('audit.none');
  if (value === REDACTED) return t('audit.redacted');
  if (typeof value === 'boolean') return value ? t('audit.yes') : t('audit.no');
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(locale, value);
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(locale, value);
    return value;
  }
  if (Array.isArray(value)) return value.length === 0 ? t('audit.none') : value.map((item) => formatAuditValue(item, t, locale)).join('; ');
  // A value object (a weight, a severity's scales): its parts in order, e.g. "TrailingRevenue 30".
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).map((part) => formatAuditValue(part, t, locale)).join(' ');
  return String(value);
}

function Changes({ changes }: { changes: AuditFieldChangeDto[] }) {
  const { t, has, locale } = useI18n();
  return (
    <Space orientation="vertical" size={2}>
      {changes.map((c) => (
        <span key={c.field} data-testid={`audit-change-${c.field}`}>
          <Typography.Text strong>{fieldLabel(c.field, t, has)}</Typography.Text>
          {': '}
          {c.before !== null && c.before !== undefined && (
            <>
              <Typography.Text delete type="secondary">{c.beforeName ?? formatAuditValue(c.before, t, locale)}</Typography.Text>
              {' → '}
            </>
          )}
          {/* A user's id is shown as their name when the server knows it. */}
          <Typography.Text>{c.afterName ?? formatAuditValue(c.after, t, locale)}</Typography.Text>
        </span>
      ))}
    </Space>
  );
}

/**
 * The history of changes of a record, of a type of records, or of an account (with its contacts, team and tier pin):
 * when, who, what, and each changed field before → after, newest first. Reusable on any page of an audited object.
 */
export function AuditHistory({ entityType, entityId, accountId, pageSize = 20 }: AuditHistoryProps) {
  const { t, locale } = useI18n();
  const [page, setPage] = useState(1);
  const trail = useAuditTrail({ entityType, entityId, accountId, page, pageSize });
  const who = (e: AuditEntryDto): ReactNode =>
    e.actor.kind === 'System' ? <Tag>{t('audit.system')}</Tag>
      : e.actor.kind === 'ApiClient' ? <><Tag>{t('audit.apiClient')}</Tag>{e.actor.displayName ?? e.actor.id}</>
      : (e.actor.displayName ?? t('audit.unknownUser'));
  return (
    <>
      <ProblemAlert error={trail.error} />
      <Table<AuditEntryDto>
        rowKey="id"
        size="small"
        data-testid="audit-history"
        loading={trail.isLoading}
        dataSource={trail.data?.items ?? []}
        locale={{ emptyText: t('audit.empty') }}
        pagination={{ current: page, pageSize, total: trail.data?.totalCount ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          {
            title: t('audit.when'),
            dataIndex: 'occurredAt',
            width: 170,
            render: (v: string, e) => <Tooltip title={e.correlationId}>{formatDateTime(locale, v)}</Tooltip>,
          },
          { title: t('audit.who'), key: 'who', width: 140, render: (_, e) => who(e) },
          {
            title: t('audit.what'),
            key: 'what',
            width: 170,
            render: (_, e) => (
              <Space size={4} wrap>
                <Tag color={ACTION_COLOR[e.action]}>{t(`audit.action.${e.action}`)}</Tag>
                {!entityType && <span>{t(`audit.entity.${e.entityType as AuditEntityType}`)}</span>}
              </Space>
            ),
          },
          { title: t('audit.changes'), key: 'changes', render: (_, e) => <Changes changes={e.changes} /> },
        ]}
      />
    </>
  );
}

/**
 * A collapsed "History" section for a page: shown only to callers who may read the audit trail, and loaded only when
 * opened (the trail is read on demand, not with every page view).
 */
export function AuditHistorySection(props: AuditHistoryProps) {
  const { t } = useI18n();
  const { can } = useSession();
  if (!can('audit:read')) return null;
  return (
    <Collapse
      data-testid="audit-history-section"
      items={[
        {
          key: 'history',
          label: t('audit.history'),
          extra: <Typography.Text type="secondary">{t('audit.historyHint')}</Typography.Text>,
          children: <AuditHistory {...props} />,
        },
      ]}
    />
  );
}
