/** The code of each Teams frame's view, loaded on demand; one function per module so a preload is found again. */
export const FRAME_VIEWS = {
  content: () => import('./views/Content.js'),
  settings: () => import('./views/Settings.js'),
  sidePanel: () => import('./views/SidePanel.js'),
  meetingStage: () => import('./views/Stage.js'),
} as const;
