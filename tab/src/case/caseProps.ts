import type { CaseView } from '../api/types.js';

/** What every section of a case page is given: the case as the person may see it, its version, and a way to load it afresh. */
export interface CaseProps {
  view: CaseView;
  etag: string | null;
  reload: () => void;
}
