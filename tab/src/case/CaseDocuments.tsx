import { Button, Link, makeStyles, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { get } from '../api/client.js';
import type { CaseDocumentView, UndeliveredJob, UndeliveredList } from '../api/types.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { ScrollRegion } from '../common/ScrollRegion.js';
import { SortableTable } from '../common/SortableTable.js';
import { useLoad } from '../common/useLoad.js';
import { DOCUMENT_STATUS_LABELS, DOCUMENT_TYPE_LABELS, formatDateTime, JOB_KIND_LABELS, JOB_STATUS_LABELS, label, whyOfJob } from '../labels.js';

const useStyles = makeStyles({
  whole: { gridColumn: '1 / -1' },
  error: { overflowWrap: 'anywhere', display: 'inline-block', minWidth: '10rem' },
});

/** Jobs that carry the case's documents (Teams messages that did not arrive show on the case team). */
const isDocumentJob = (j: UndeliveredJob) => j.kind.startsWith('document');

/** The newest publication of each file (the API lists newest first), with how many came before. */
function newestPerFile(all: CaseDocumentView[]): (CaseDocumentView & { earlier: number })[] {
  const byFile = new Map<string, CaseDocumentView & { earlier: number }>();
  for (const d of all) {
    const seen = byFile.get(d.fileName);
    if (seen) seen.earlier += 1;
    else byFile.set(d.fileName, { ...d, earlier: 0 });
  }
  return [...byFile.values()];
}

const stateOf = (d: CaseDocumentView) => (d.status === 'delivered' && d.libraryVersion ? d.libraryVersion : label(DOCUMENT_STATUS_LABELS, d.status));

/** Why a document is not in the library yet, when a person must act or it gave up: in plain words. */
const whyOf = (d: CaseDocumentView) => (d.blocked ? `${d.blocked.why} ${d.blocked.whoActs}` : d.failure);

/**
 * What the case has published to its service's library (the formulation report, youth-friendly
 * version, timeline picture, review records), each file's newest version, and anything the outbox
 * has not delivered yet. `refresh` changes when the case's live feed says a document moved.
 */
export function CaseDocuments({ caseId, refresh }: { caseId: string; refresh: number }) {
  const s = useStyles();
  const documents = useLoad(() => get<{ items: CaseDocumentView[] }>(`/cases/${caseId}/documents`), [caseId, refresh]);
  const undelivered = useLoad(() => get<UndeliveredList>(`/cases/${caseId}/undelivered`), [caseId, refresh]);
  const files = newestPerFile(documents.data?.items ?? []);
  const stuck = (undelivered.data?.items ?? []).filter(isDocumentJob);
  const reload = () => {
    documents.reload();
    undelivered.reload();
  };
  return (
    <section aria-labelledby="documents-h" className={s.whole}>
      <h2 id="documents-h">Case documents</h2>
      <ErrorNotice error={documents.error ?? undelivered.error} />
      {documents.data && files.length === 0 ? (
        <p>Nothing published yet. Approving a formulation files its report, youth-friendly version and timeline picture in the service’s library.</p>
      ) : null}
      {files.length > 0 ? (
        <ScrollRegion label="Published documents">
          <SortableTable
            caption="Published documents"
            rows={files}
            rowKey={(d) => d.fileName}
            columns={[
              {
                key: 'file',
                label: 'File',
                sortValue: (d) => d.fileName,
                render: (d) =>
                  d.webUrl ? (
                    <Link href={d.webUrl} target="_blank" rel="noreferrer">
                      {d.fileName}
                    </Link>
                  ) : (
                    d.fileName
                  ),
              },
              {
                key: 'type',
                label: 'Document',
                sortValue: (d) => d.metadata.documentType,
                render: (d) => label(DOCUMENT_TYPE_LABELS, d.metadata.documentType),
              },
              { key: 'version', label: 'Version', sortValue: (d) => d.metadata.version, render: (d) => d.metadata.version },
              { key: 'state', label: 'Library version', render: stateOf },
              ...(files.some(whyOf)
                ? [{ key: 'why', label: 'Why not filed', render: (d: CaseDocumentView) => <span className={s.error}>{whyOf(d) ?? '—'}</span> }]
                : []),
              { key: 'when', label: 'Published', sortValue: (d) => d.createdAt, render: (d) => formatDateTime(d.createdAt) },
              { key: 'earlier', label: 'Earlier versions', sortValue: (d) => d.earlier, render: (d) => d.earlier },
            ]}
          />
        </ScrollRegion>
      ) : null}
      {stuck.length > 0 ? (
        <>
          <MessageBar intent={stuck.some((j) => j.status !== 'pending') ? 'error' : 'warning'} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Not yet in the library</MessageBarTitle> {stuck.length === 1 ? 'One delivery is' : `${stuck.length} deliveries are`} waiting,
              blocked or gave up. The outbox retries on its own; a blocked delivery waits for the person named below, and is tried again every 15 minutes and as
              soon as the service’s manager asks.
            </MessageBarBody>
          </MessageBar>
          <ScrollRegion label="Not yet delivered for this case">
            <SortableTable
              caption="Not yet delivered for this case"
              rows={stuck}
              rowKey={(j) => j.id}
              columns={[
                { key: 'kind', label: 'What', sortValue: (j) => j.kind, render: (j) => label(JOB_KIND_LABELS, j.kind) },
                { key: 'status', label: 'State', sortValue: (j) => j.status, render: (j) => label(JOB_STATUS_LABELS, j.status) },
                { key: 'attempts', label: 'Attempts', sortValue: (j) => j.attempts, render: (j) => j.attempts },
                { key: 'error', label: 'Why', render: (j) => <span className={s.error}>{whyOfJob(j)}</span> },
              ]}
            />
          </ScrollRegion>
        </>
      ) : null}
      <div>
        <Button onClick={reload}>Check again</Button>
      </div>
    </section>
  );
}
