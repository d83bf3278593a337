import type { Directory, DirectoryPerson } from '../../ports/directory.js';
import type { Store } from '../../ports/store.js';

/** Local mode's directory: the people in the staff table (loaded from config or the demo data). */
export function staffDirectory(store: Store): Directory {
  const all = async (): Promise<DirectoryPerson[]> =>
    (await store.transaction((tx) => tx.staff.list())).map((s) => ({ id: s.id, name: s.name, email: s.email, aadObjectId: s.aadObjectId, jobTitle: null }));
  return {
    async search(query, limit) {
      const q = query.trim().toLowerCase();
      return (await all()).filter((p) => !q || p.name.toLowerCase().includes(q) || p.email.toLowerCase().startsWith(q)).slice(0, limit);
    },
    async get(idOrEmail) {
      const key = idOrEmail.toLowerCase();
      return (await all()).find((p) => p.id === idOrEmail || p.email.toLowerCase() === key || p.aadObjectId === idOrEmail) ?? null;
    },
  };
}
