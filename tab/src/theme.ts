import { makeStaticStyles, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';
import { useEffect } from 'react';
import type { ThemeName } from './host/teams.js';

export const THEMES: Record<ThemeName, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

export const THEME_LABELS: Record<ThemeName, string> = { default: 'Light', dark: 'Dark', contrast: 'High contrast' };

/**
 * The system colours (`Canvas`, `CanvasText`, `Highlight`) follow the page's colour scheme: in the
 * dark and high-contrast themes the page says it is dark, so `CanvasText` is light on the dark canvas
 * rather than black on black.
 */
export const COLOR_SCHEMES: Record<ThemeName, 'light' | 'dark'> = { default: 'light', dark: 'dark', contrast: 'dark' };

/**
 * The page itself has no margin of its own: the app's background reaches every edge in every theme.
 * A dropdown (Fluent's Select) fits the column it is in: a native select is otherwise as wide as its
 * longest option ("Parental mental health, substance use or prison") and spills over the field
 * beside it, or off a 320 px side panel.
 */
const usePageStyles = makeStaticStyles({
  'html, body': { margin: 0, padding: 0 },
  '.fui-Select, .fui-Select__select': { minWidth: 0, maxWidth: '100%' },
});

/** The whole page — its edges, overscroll, dialogs in portals and system colours — in the theme's colours. */
export function usePageTheme(theme: ThemeName): void {
  usePageStyles();
  useEffect(() => {
    const root = document.documentElement.style;
    root.colorScheme = COLOR_SCHEMES[theme];
    root.backgroundColor = THEMES[theme].colorNeutralBackground1;
    root.color = THEMES[theme].colorNeutralForeground1;
  }, [theme]);
}
