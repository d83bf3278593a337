import { Router } from 'express';
import type { AppDeps } from '../../app/deps.js';
import { downloadRecordExport } from '../../app/recordExport/downloadRecordExport.js';
import { listRecordExports, showRecordExport } from '../../app/recordExport/showRecordExport.js';
import { startRecordExport } from '../../app/recordExport/startRecordExport.js';
import { principal } from '../auth.js';

/** The child's copy of their record (docs/record-export.md): start, follow, and fetch an export. */
export function recordExportRoutes(deps: AppDeps): Router {
  const r = Router();
  r.get('/cases/:caseId/record-exports', async (req, res) => {
    res.json(await listRecordExports(deps, principal(res), req.params.caseId));
  });
  r.post('/cases/:caseId/record-exports', async (req, res) => {
    const started = await startRecordExport(deps, principal(res), req.params.caseId, req.body);
    res.status(202).location(`/api/v1/cases/${started.caseId}/record-exports/${started.id}`).json(started);
  });
  r.get('/cases/:caseId/record-exports/:exportId', async (req, res) => {
    res.json(await showRecordExport(deps, principal(res), req.params.caseId, req.params.exportId));
  });
  r.get('/cases/:caseId/record-exports/:exportId/download', async (req, res) => {
    const zip = await downloadRecordExport(deps, principal(res), req.params.caseId, req.params.exportId);
    res
      .status(200)
      .type('application/zip')
      .set('Content-Disposition', `attachment; filename="${zip.fileName}"`)
      .set('Cache-Control', 'no-store')
      .set('Content-Digest', `sha-256=:${Buffer.from(zip.sha256, 'hex').toString('base64')}:`)
      .send(Buffer.from(zip.content.buffer, zip.content.byteOffset, zip.content.byteLength));
  });
  return r;
}
