/**
 * Names for the ids an audit row points at (a person, a school, a lesson…), so the auditor reads
 * "张老师" rather than "user #3". The owning modules supply the lookups (wired in app.ts): the
 * audit module reads no other module's tables.
 */
export type NameLookup = (ids: readonly number[]) => Promise<ReadonlyMap<number, string>>;

/** One lookup per target type the log names (`user`, `school`, `recording`…); types without one keep their id. */
export type AuditNameSources = Readonly<Partial<Record<string, NameLookup>>>;

const MAX_ID = 2_147_483_647;

function idOf(text: string | null): number | null {
  if (text === null || !/^[1-9]\d{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= MAX_ID ? id : null;
}

/** The key a resolved name is kept under. */
export const nameKey = (type: string, id: string) => `${type}:${id}`;

/**
 * Resolves the names of every (type, id) pair given, with one lookup per type however many rows
 * name it (no query per row). Pairs whose type has no lookup, or whose row is gone, stay unnamed.
 */
export async function resolveNames(
  sources: AuditNameSources, refs: readonly { type: string | null; id: string | null }[],
): Promise<Map<string, string>> {
  const byType = new Map<string, Set<number>>();
  for (const ref of refs) {
    const id = idOf(ref.id);
    if (ref.type === null || id === null || !sources[ref.type]) continue;
    let ids = byType.get(ref.type);
    if (!ids) byType.set(ref.type, (ids = new Set()));
    ids.add(id);
  }
  const out = new Map<string, string>();
  await Promise.all([...byType].map(async ([type, ids]) => {
    const names = await sources[type]!([...ids]);
    for (const [id, name] of names) out.set(nameKey(type, String(id)), name);
  }));
  return out;
}
