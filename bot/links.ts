/**
 * Where a card's buttons lead in the tab. In Teams a deep link opens the app's personal tab at a
 * route (given as subEntityId, which the tab reads as `page.subPageId`); without a Teams app id
 * (local mode, the Agents Playground) the link opens the tab in the browser at the same route.
 */
export interface TabLinks {
  app(): string;
  case(caseId: string): string;
  formulation(caseId: string): string;
  /** The meeting scheduler, ready for a meeting of this kind. */
  scheduler(caseId: string, kind: 'review' | 'formulation'): string;
}

/** The static tab's entityId in appPackage/manifest.json. */
export const TAB_ENTITY_ID = 'cases';

export function tabLinks(o: { teamsAppId: string | undefined; publicBaseUrl: string }): TabLinks {
  const base = o.publicBaseUrl.replace(/\/+$/, '');
  const at = (route: string) =>
    o.teamsAppId
      ? `https://teams.microsoft.com/l/entity/${o.teamsAppId}/${TAB_ENTITY_ID}?context=${encodeURIComponent(JSON.stringify({ subEntityId: route }))}`
      : `${base}/tab/#/${route}`;
  return {
    app: () => at(''),
    case: (caseId) => at(`cases/${caseId}`),
    formulation: (caseId) => at(`cases/${caseId}/formulation`),
    scheduler: (caseId, kind) => at(`cases/${caseId}/meetings/new?kind=${kind}`),
  };
}
