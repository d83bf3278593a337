import { OutsideServiceError } from '../../lib/outsideServiceError.js';
import type { Directory, DirectoryPerson } from '../../ports/directory.js';
import type { GraphSession } from './graph.js';

/** People in the organisation's Entra ID, through Graph (User.ReadBasic.All, app-only). */
interface GraphUser {
  id: string;
  displayName?: string | null;
  mail?: string | null;
  userPrincipalName?: string | null;
  jobTitle?: string | null;
}

const SELECT = '$select=id,displayName,mail,userPrincipalName,jobTitle';
const toPerson = (u: GraphUser): DirectoryPerson => ({
  id: u.id,
  name: u.displayName ?? u.userPrincipalName ?? u.id,
  email: u.mail ?? u.userPrincipalName ?? '',
  aadObjectId: u.id,
  jobTitle: u.jobTitle ?? null,
});

export function graphDirectory(graph: GraphSession): Directory {
  return {
    async search(query, limit) {
      const q = query.trim().replace(/'/g, "''");
      const filter = q ? `&$filter=${encodeURIComponent(`startswith(displayName,'${q}') or startswith(mail,'${q}')`)}` : '';
      const r = await graph.get<{ value: GraphUser[] }>(`/users?${SELECT}&$top=${Math.min(Math.max(limit, 1), 50)}${filter}`);
      return r.value.map(toPerson);
    },
    async get(idOrEmail) {
      try {
        return toPerson(await graph.get<GraphUser>(`/users/${encodeURIComponent(idOrEmail)}?${SELECT}`));
      } catch (error) {
        if (error instanceof OutsideServiceError && error.status === 404) return null;
        throw error;
      }
    },
  };
}
