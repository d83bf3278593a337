/** The code of each view, loaded on demand; one function per module so a preload is found again. */
export const FRAME_VIEWS = {
  content: () => import('./views/Content.js'),
  settings: () => import('./views/Settings.js'),
  sidePanel: () => import('./views/SidePanel.js'),
  meetingStage: () => import('./views/Stage.js'),
} as const;

export const SECTION_MODULES = {
  timeline: () => import('./timeline/TimelineSection.js'),
  formulation: () => import('./formulation/FormulationSection.js'),
  trm: () => import('./trm/TrmSection.js'),
  meetings: () => import('./meetings/MeetingsSection.js'),
} as const;
