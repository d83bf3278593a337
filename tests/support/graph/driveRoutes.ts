import { randomUUID } from 'node:crypto';
import { quickXorHash } from '../../../src/adapters/m365/quickXorHash.js';
import { type Caller, fail, type GraphCall, type GraphReply, type Route } from './graphDouble.js';

/** SharePoint sites, document libraries (drives) and their items, as Graph exposes them. */
interface Site {
  id: string;
  webUrl: string;
  displayName: string;
  /** Sites.Selected: what each app was granted on this site by an admin. */
  grants: Map<string, 'read' | 'write'>;
}

interface Version {
  label: string;
  content: Buffer;
  modified: string;
}

export interface Item {
  id: string;
  driveId: string;
  parentId: string | null;
  name: string;
  folder: boolean;
  versions: Version[];
  fields: Record<string, unknown>;
  guid: string;
  /** Bumped on every write, content or fields: the eTag's number. */
  writes: number;
  created: string;
}

interface Drive {
  id: string;
  siteId: string;
  name: string;
  rootId: string;
  /** The library's columns; SharePoint refuses fields it does not know. */
  columns: Set<string>;
}

export interface UploadSession {
  id: string;
  driveId: string;
  parentId: string;
  name: string;
  conflictBehavior: string;
  ifMatch: string | null;
  received: Buffer[];
  next: number;
  total: number | null;
  expires: string;
}

export const SMALL_UPLOAD_LIMIT = 4 * 1024 * 1024;
export const CHUNK_UNIT = 320 * 1024;
const BUILT_IN_COLUMNS = ['Title', 'FileLeafRef', 'ContentType', 'Modified', 'Created'];

export type DriveState = ReturnType<typeof newDriveState>;

export function newDriveState(baseUrl: () => string) {
  const sites = new Map<string, Site>();
  const drives = new Map<string, Drive>();
  const items = new Map<string, Item>();
  const sessions = new Map<string, UploadSession>();

  // SharePoint reports the version label among the list item's fields.
  const fieldsOf = (i: Item) => ({ ...i.fields, _UIVersionString: i.versions.at(-1)?.label ?? '1.0' });
  const eTag = (i: Item) => `"{${i.guid.toUpperCase()}},${i.writes}"`;
  const childrenOf = (parentId: string) => [...items.values()].filter((i) => i.parentId === parentId);
  const childNamed = (parentId: string, name: string) => childrenOf(parentId).find((i) => i.name.toLowerCase() === name.toLowerCase()) ?? null;
  const pathOf = (i: Item): string => {
    const parts: string[] = [];
    for (let at: Item | undefined = i; at && at.parentId; at = items.get(at.parentId)) parts.unshift(at.name);
    return parts.join('/');
  };
  const siteOfDrive = (driveId: string) => {
    const drive = drives.get(driveId);
    if (!drive) throw fail(404, 'itemNotFound', 'The requested drive was not found.');
    return { drive, site: sites.get(drive.siteId)! };
  };

  function authorise(caller: Caller, site: Site, need: 'read' | 'write') {
    if (caller.userId) {
      const ok = caller.scopes.includes('Sites.ReadWrite.All') || (need === 'read' && caller.scopes.includes('Sites.Read.All'));
      if (!ok) throw fail(403, 'accessDenied', 'Access denied');
      return;
    }
    if (caller.roles.includes('Sites.ReadWrite.All') || caller.roles.includes('Sites.FullControl.All')) return;
    if (need === 'read' && caller.roles.includes('Sites.Read.All')) return;
    const granted = caller.roles.includes('Sites.Selected') ? site.grants.get(caller.appId) : undefined;
    if (granted === 'write' || (granted === 'read' && need === 'read')) return;
    throw fail(403, 'accessDenied', 'Access denied');
  }

  function itemJson(i: Item, expand: string | null) {
    const newest = i.versions[i.versions.length - 1];
    const drive = drives.get(i.driveId)!;
    const site = sites.get(drive.siteId)!;
    const parent = i.parentId ? items.get(i.parentId) : null;
    return {
      id: i.id,
      name: i.parentId ? i.name : 'root',
      eTag: eTag(i),
      cTag: `"c:{${i.guid.toUpperCase()}},${i.writes}"`,
      size: i.folder ? childrenOf(i.id).reduce((n, c) => n + (c.versions.at(-1)?.content.length ?? 0), 0) : newest!.content.length,
      createdDateTime: i.created,
      lastModifiedDateTime: newest?.modified ?? i.created,
      webUrl: `${site.webUrl}/${encodeURIComponent(drive.name)}/${pathOf(i)}`,
      parentReference: parent
        ? { driveId: drive.id, driveType: 'documentLibrary', id: parent.id, path: `/drives/${drive.id}/root:/${pathOf(parent)}` }
        : { driveId: drive.id },
      ...(i.folder
        ? { folder: { childCount: childrenOf(i.id).length } }
        : { file: { mimeType: 'application/octet-stream', hashes: { quickXorHash: quickXorHash(newest!.content) } } }),
      ...(expand?.includes('listItem') ? { listItem: { id: String(i.created.length + i.guid.length), eTag: eTag(i), fields: fieldsOf(i) } } : {}),
    };
  }

  function newItem(driveId: string, parentId: string, name: string, folder: boolean, now: string): Item {
    const item: Item = {
      id: `01${randomUUID().replace(/-/g, '').toUpperCase().slice(0, 32)}`,
      driveId,
      parentId,
      name,
      folder,
      versions: [],
      fields: {},
      guid: randomUUID(),
      writes: 0,
      created: now,
    };
    items.set(item.id, item);
    return item;
  }

  /**
   * Resolves `root`, `root:/a/b:`, `items/{id}` and `items/{id}:/rel:` to an item and what follows.
   * An upload by path (`makeFolders`) creates the folders on its path that are not there yet, as Graph does.
   */
  function resolve(driveId: string, rest: string, makeFolders = false): { item: Item | null; parentId: string | null; leaf: string | null; suffix: string } {
    const { drive } = siteOfDrive(driveId);
    let base: Item;
    let after: string;
    const byId = /^items\/([^/:]+)(.*)$/.exec(rest);
    if (byId) {
      const found = items.get(byId[1]!);
      if (!found || found.driveId !== driveId) throw fail(404, 'itemNotFound', 'The resource could not be found.');
      base = found;
      after = byId[2]!;
    } else if (rest.startsWith('root')) {
      base = items.get(drive.rootId)!;
      after = rest.slice(4);
    } else throw fail(400, 'invalidRequest', 'Invalid request');
    const pathed = /^:\/?([^:]*):?(.*)$/.exec(after);
    if (!pathed) return { item: base, parentId: base.parentId, leaf: null, suffix: after };
    const segments = pathed[1]!
      .split('/')
      .filter(Boolean)
      .map((s) => decodeURIComponent(s));
    let at: Item | null = base;
    let parentId: string | null = base.id;
    for (const [n, s] of segments.entries()) {
      if (!at) throw fail(404, 'itemNotFound', 'The resource could not be found.');
      parentId = at.id;
      at = childNamed(at.id, s);
      if (!at && n < segments.length - 1 && makeFolders) {
        at = newItem(driveId, parentId, s, true, new Date().toISOString());
        at.writes = 1;
      }
      if (!at && n < segments.length - 1) throw fail(404, 'itemNotFound', 'The resource could not be found.');
    }
    return { item: at, parentId, leaf: segments.at(-1) ?? null, suffix: pathed[2]! };
  }

  const checkIfMatch = (call: { headers: Record<string, string> }, item: Item | null, ifMatch = call.headers['if-match']) => {
    if (!ifMatch || ifMatch === '*') return;
    if (!item || (ifMatch !== eTag(item) && ifMatch !== `"c:{${item.guid.toUpperCase()}},${item.writes}"`)) {
      throw fail(412, 'resourceModified', "ETag does not match current item's value");
    }
  };

  function writeFile(
    driveId: string,
    parentId: string,
    name: string,
    content: Buffer,
    conflictBehavior: string,
    existing: Item | null,
  ): { item: Item; created: boolean } {
    const now = new Date().toISOString();
    if (existing && existing.folder) throw fail(409, 'nameAlreadyExists', 'A folder with that name already exists.');
    if (existing && conflictBehavior === 'fail') throw fail(409, 'nameAlreadyExists', 'The specified item name already exists.');
    let target = existing;
    if (existing && conflictBehavior === 'rename') target = null;
    let finalName = name;
    for (let n = 1; !existing && conflictBehavior === 'rename' && childNamed(parentId, finalName); n++) finalName = name.replace(/(\.[^.]*)?$/, ` ${n}$1`);
    if (existing && conflictBehavior === 'rename') for (let n = 1; childNamed(parentId, finalName); n++) finalName = name.replace(/(\.[^.]*)?$/, ` ${n}$1`);
    const item = target ?? newItem(driveId, parentId, finalName, false, now);
    item.versions.push({ label: `${item.versions.length + 1}.0`, content, modified: now });
    item.writes += 1;
    return { item, created: !target };
  }

  function handleDrive(call: GraphCall, driveId: string, rest: string): GraphReply {
    const { site, drive } = siteOfDrive(driveId);
    const write = call.method !== 'GET';
    authorise(call.caller, site, write ? 'write' : 'read');
    const expand = call.query.get('$expand');
    const uploadByPath = (call.method === 'PUT' && rest.endsWith(':/content')) || (call.method === 'POST' && rest.endsWith(':/createUploadSession'));
    const { item, parentId, leaf, suffix } = resolve(driveId, rest, uploadByPath);

    if (suffix === '/content' && call.method === 'PUT') {
      if (call.body.length > SMALL_UPLOAD_LIMIT)
        throw fail(413, 'requestEntityTooLarge', 'The simple upload API supports files up to 4 MiB; use an upload session.');
      const parent = item && leaf === null ? items.get(item.parentId!)! : parentId ? items.get(parentId) : null;
      if (!parent || !parent.folder) throw fail(404, 'itemNotFound', 'The parent folder does not exist.');
      checkIfMatch(call, item);
      const { item: written, created } = writeFile(
        driveId,
        parent.id,
        leaf ?? item!.name,
        call.body,
        call.query.get('@microsoft.graph.conflictBehavior') ?? 'replace',
        item,
      );
      return { status: created ? 201 : 200, body: itemJson(written, null) };
    }
    if (suffix === '/createUploadSession' && call.method === 'POST') {
      const parent = parentId ? items.get(parentId) : null;
      if (!parent?.folder || !leaf) throw fail(404, 'itemNotFound', 'The parent folder does not exist.');
      checkIfMatch(call, item);
      const body = call.json<{ item?: Record<string, unknown> } | null>() ?? {};
      const session: UploadSession = {
        id: randomUUID(),
        driveId,
        parentId: parent.id,
        name: leaf,
        conflictBehavior: String(body.item?.['@microsoft.graph.conflictBehavior'] ?? 'replace'),
        ifMatch: call.headers['if-match'] ?? null,
        received: [],
        next: 0,
        total: null,
        expires: new Date(Date.now() + 3_600_000).toISOString(),
      };
      if (item && session.conflictBehavior === 'fail') throw fail(409, 'nameAlreadyExists', 'The specified item name already exists.');
      sessions.set(session.id, session);
      return { status: 200, body: { uploadUrl: `${baseUrl()}/upload/${session.id}`, expirationDateTime: session.expires, nextExpectedRanges: ['0-'] } };
    }
    if (!item) throw fail(404, 'itemNotFound', 'The resource could not be found.');

    if (suffix === '/children' && call.method === 'POST') {
      const body = call.json<{ name?: string; folder?: object; '@microsoft.graph.conflictBehavior'?: string }>();
      if (!body?.name || !body.folder) throw fail(400, 'invalidRequest', 'A folder needs a name and a folder facet.');
      if (/[\\/:*?"<>|]/.test(body.name)) throw fail(400, 'invalidRequest', 'The name contains characters SharePoint does not allow.');
      const behaviour = body['@microsoft.graph.conflictBehavior'] ?? 'fail';
      const clash = childNamed(item.id, body.name);
      if (clash && behaviour === 'fail') throw fail(409, 'nameAlreadyExists', 'The specified item name already exists.');
      if (clash && behaviour === 'replace') return { status: 201, body: itemJson(clash, null) };
      let name = body.name;
      for (let n = 1; clash && childNamed(item.id, name); n++) name = `${body.name} ${n}`;
      const folder = newItem(driveId, item.id, name, true, new Date().toISOString());
      folder.writes = 1;
      return { status: 201, body: itemJson(folder, null) };
    }
    if (suffix === '/children' && call.method === 'GET') {
      const all = childrenOf(item.id).sort((a, b) => a.name.localeCompare(b.name));
      const top = Math.min(Number(call.query.get('$top') ?? 200), 200);
      const skip = Number(call.query.get('$skiptoken') ?? 0);
      const page = all.slice(skip, skip + top);
      const next = skip + top < all.length ? new URL(`${baseUrl()}/v1.0${call.path}`) : null;
      if (next) {
        for (const [k, v] of call.query) next.searchParams.set(k, v);
        next.searchParams.set('$skiptoken', String(skip + top));
      }
      return { status: 200, body: { value: page.map((c) => itemJson(c, expand)), ...(next ? { '@odata.nextLink': next.toString() } : {}) } };
    }
    if (suffix === '' && call.method === 'GET') return { status: 200, body: itemJson(item, expand) };
    if (suffix === '' && call.method === 'DELETE') {
      checkIfMatch(call, item);
      const remove = (i: Item) => {
        for (const c of childrenOf(i.id)) remove(c);
        items.delete(i.id);
      };
      remove(item);
      return { status: 204 };
    }
    if (suffix === '/content' && call.method === 'GET') {
      const newest = item.versions.at(-1);
      if (!newest) throw fail(404, 'itemNotFound', 'The item has no content.');
      return { status: 302, headers: { location: `${baseUrl()}/download/${item.id}/${newest.label}` } };
    }
    if (suffix === '/versions' && call.method === 'GET') {
      return {
        status: 200,
        body: { value: [...item.versions].reverse().map((v) => ({ id: v.label, lastModifiedDateTime: v.modified, size: v.content.length })) },
      };
    }
    if (suffix === '/listItem/fields' || suffix === '/listItem') {
      if (call.method === 'GET') return { status: 200, body: suffix === '/listItem' ? { eTag: eTag(item), fields: fieldsOf(item) } : fieldsOf(item) };
      if (call.method === 'PATCH' && suffix === '/listItem/fields') {
        checkIfMatch(call, item);
        const fields = call.json<Record<string, unknown>>() ?? {};
        const unknown = Object.keys(fields).filter((k) => !drive.columns.has(k));
        if (unknown.length) throw fail(400, 'invalidRequest', `Field '${unknown[0]}' is not recognized`);
        Object.assign(item.fields, fields);
        item.writes += 1;
        return { status: 200, body: { ...fieldsOf(item), '@odata.etag': eTag(item) } };
      }
    }
    throw fail(400, 'invalidRequest', 'Invalid request');
  }

  function handleSites(call: GraphCall, siteId: string, rest: string): GraphReply {
    const site = sites.get(siteId);
    if (!site) throw fail(404, 'itemNotFound', 'Requested site could not be found');
    if (rest === '/permissions' && call.method === 'POST') {
      // The admin's one-time grant: only an app holding Sites.FullControl.All may make it.
      if (!call.caller.roles.includes('Sites.FullControl.All')) throw fail(403, 'accessDenied', 'Access denied');
      const body = call.json<{ roles?: string[]; grantedToIdentities?: { application?: { id?: string } }[] }>();
      const role = body.roles?.includes('write') ? 'write' : body.roles?.includes('read') ? 'read' : null;
      const appId = body.grantedToIdentities?.[0]?.application?.id;
      if (!role || !appId) throw fail(400, 'invalidRequest', 'roles and grantedToIdentities are required');
      site.grants.set(appId, role);
      return { status: 201, body: { id: randomUUID(), roles: [role], grantedToIdentities: body.grantedToIdentities } };
    }
    authorise(call.caller, site, 'read');
    if (rest === '' && call.method === 'GET') return { status: 200, body: { id: site.id, webUrl: site.webUrl, displayName: site.displayName } };
    if (rest === '/drives' && call.method === 'GET') {
      return {
        status: 200,
        body: { value: [...drives.values()].filter((d) => d.siteId === site.id).map((d) => ({ id: d.id, name: d.name, driveType: 'documentLibrary' })) },
      };
    }
    throw fail(400, 'invalidRequest', 'Invalid request');
  }

  const routes: Route[] = ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'].flatMap((method) => [
    { method, pattern: /^\/drives\/([^/]+)\/(.+)$/, handle: (call: GraphCall, [d]: string[]) => handleDrive(call, d!, rawRest(call.path)) },
    { method, pattern: /^\/sites\/([^/]+)(\/[^/]+)?$/, handle: (call: GraphCall, [s, rest]: string[]) => handleSites(call, s!, rest ?? '') },
  ]);
  // The drive path is parsed undecoded so that an encoded ':' or '/' inside a name stays inside it.
  const rawRest = (path: string) => path.replace(/^\/drives\/[^/]+\//, '');

  return {
    routes,
    sites,
    items,
    sessions,
    /** A site with one library per name; returns their ids. Nobody is granted anything yet. */
    addSite(hostPath: string, libraries: string[], columns: string[] = []) {
      const site: Site = {
        id: `contoso.sharepoint.com,${randomUUID()},${randomUUID()}`,
        webUrl: `https://contoso.sharepoint.com/${hostPath}`,
        displayName: hostPath,
        grants: new Map(),
      };
      sites.set(site.id, site);
      const driveIds = libraries.map((name) => {
        const id = `b!${randomUUID().replace(/-/g, '')}`;
        const root = newItem(id, '', 'root', true, new Date().toISOString());
        root.parentId = null;
        drives.set(id, { id, siteId: site.id, name, rootId: root.id, columns: new Set([...BUILT_IN_COLUMNS, ...columns]) });
        return id;
      });
      return { siteId: site.id, driveIds };
    },
    grant(siteId: string, appId: string, role: 'read' | 'write') {
      sites.get(siteId)!.grants.set(appId, role);
    },
    /**
     * An administrator removes the app's grant on a site (as DELETE /sites/{id}/permissions/{id} or
     * PnP's Revoke-PnPAzureADAppSitePermission would): from then on the app gets 403 accessDenied there.
     */
    revoke(siteId: string, appId: string) {
      sites.get(siteId)!.grants.delete(appId);
    },
    /** A library deleted in SharePoint: its drive id answers 404 itemNotFound from then on. */
    removeDrive(driveId: string) {
      drives.delete(driveId);
    },
    /** Every file (not folder) in a library, by path, with its versions: for assertions. */
    filesIn(driveId: string) {
      return [...items.values()]
        .filter((i) => i.driveId === driveId && !i.folder)
        .map((i) => ({ path: pathOf(i), versions: i.versions.length, content: i.versions.at(-1)!.content, fields: { ...i.fields } }))
        .sort((a, b) => a.path.localeCompare(b.path));
    },
    /** What the upload URL and the download URL need (uploadRoutes.ts). */
    sessionsApi: { sessions, items, childNamed, checkIfMatch, writeFile, itemJson },
  };
}

export const driveRoutes = (state: DriveState): Route[] => state.routes;
