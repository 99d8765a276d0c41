import type { ContactDto } from '../../api/client';

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
