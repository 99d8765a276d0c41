import { Space, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import type { ContactDto } from '../../api/client';
import { useT } from '../../i18n/I18nProvider';
import { AttitudeTag } from './labels';

/** Builds the reports-to forest; contacts whose manager is unknown become roots. */
export function buildOrgTree(contacts: readonly ContactDto[]): { contact: ContactDto; children: ReturnType<typeof buildOrgTree> }[] {
  const ids = new Set(contacts.map((c) => c.id));
  const byManager = new Map<string | null, ContactDto[]>();
  for (const c of contacts) {
    const manager = c.reportsToId && ids.has(c.reportsToId) ? c.reportsToId : null;
    byManager.set(manager, [...(byManager.get(manager) ?? []), c]);
  }
  const seen = new Set<string>();
  const grow = (manager: string | null): ReturnType<typeof buildOrgTree> =>
    (byManager.get(manager) ?? [])
      .filter((c) => !seen.has(c.id) && seen.add(c.id))
      .map((c) => ({ contact: c, children: grow(c.id) }));
  return grow(null);
}

export function OrgChart({ contacts }: { contacts: readonly ContactDto[] }) {
  const t = useT();
  const toNodes = (nodes: ReturnType<typeof buildOrgTree>): DataNode[] =>
    nodes.map(({ contact: c, children }) => ({
      key: c.id,
      title: (
        <Space size={4} wrap>
          <Typography.Text strong>{c.name}</Typography.Text>
          {c.title && <Typography.Text type="secondary">{c.title}</Typography.Text>}
          <Tag color="blue">{t(`buyingRole.${c.buyingRole}`)}</Tag>
          <AttitudeTag attitude={c.attitude} />
          <Tag>{t(`relationship.${c.relationshipLevel}`)}</Tag>
        </Space>
      ),
      children: toNodes(children),
    }));
  if (contacts.length === 0) return null;
  return <Tree showLine defaultExpandAll selectable={false} treeData={toNodes(buildOrgTree(contacts))} data-testid="org-chart" />;
}
