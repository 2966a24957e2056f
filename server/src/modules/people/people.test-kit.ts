import type { TestApp } from '../../test-support/test-app.js';

/** Looks up the seeded test city's ids by name: users by username, regions and schools by name. */
export async function seededIds(t: TestApp) {
  const db = t.db.db;
  const users = new Map<string, number>();
  for (const u of await db.selectFrom('users').select(['id', 'username']).execute()) users.set(u.username, u.id);
  return {
    user(username: string): number {
      const id = users.get(username);
      if (id === undefined) throw new Error(`no user ${username}`);
      return id;
    },
    region: async (name: string) => (await db.selectFrom('regions').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id,
    school: async (name: string) => (await db.selectFrom('schools').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id,
  };
}
