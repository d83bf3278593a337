/** The code of each case section, loaded on demand; one function per module so a preload is found again. */
export const SECTION_MODULES = {
  timeline: () => import('./timeline/TimelineSection.js'),
  formulation: () => import('./formulation/FormulationSection.js'),
  trm: () => import('./trm/TrmSection.js'),
  actions: () => import('./plan/ActionsSection.js'),
  meetings: () => import('./meetings/MeetingsSection.js'),
  transition: () => import('./transition/TransitionSection.js'),
  summaries: () => import('./summaries/SummariesSection.js'),
  export: () => import('./recordExport/RecordExportSection.js'),
} as const;
