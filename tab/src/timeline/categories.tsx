import {
  Backpack20Regular,
  BuildingHome20Regular,
  Gavel20Regular,
  HatGraduation20Regular,
  Heart20Regular,
  HeartPulse20Regular,
  Home20Regular,
  PeopleTeam20Regular,
  PersonRunning20Regular,
  Ribbon20Regular,
  ShieldError20Regular,
  Stethoscope20Regular,
  Trophy20Regular,
  VehicleTruckProfile20Regular,
  Warning20Regular,
  Star20Regular,
  type FluentIcon,
} from '@fluentui/react-icons';
import { makeStyles } from '@fluentui/react-components';
import type { TimelineCategory } from '../api/types.js';
import { TONE_MARKS, type ToneShape } from '../../../src/domain/words.js';

/**
 * Each category has a colour AND an icon, and each tone a marker shape (the domain's legend, the
 * same as the printed timeline picture's), so nothing is told by colour alone. Colours have a light
 * and a dark variant. In Teams' high-contrast theme everything is drawn in the system's text colour
 * (`CanvasText`, light on the dark canvas: the page's colour scheme is dark, see theme.ts) and the
 * shapes carry the meaning; under the operating system's forced colours (`forced-colors: active`)
 * the same, whatever the theme, so a mark is never the canvas's own colour.
 */
interface Look {
  icon: FluentIcon;
  light: string;
  dark: string;
}

const LOOKS: Record<string, Look> = {
  pregnancy_birth: { icon: HeartPulse20Regular, light: '#8a3c99', dark: '#d59ce0' },
  home_family: { icon: Home20Regular, light: '#1b6e8c', dark: '#7ccbea' },
  care_placements: { icon: BuildingHome20Regular, light: '#5b5fc7', dark: '#aaacf0' },
  moves_accommodation: { icon: VehicleTruckProfile20Regular, light: '#6b6b2a', dark: '#d3d38a' },
  loss_bereavement: { icon: Ribbon20Regular, light: '#55606e', dark: '#b9c3cf' },
  abuse_neglect: { icon: ShieldError20Regular, light: '#b3261e', dark: '#ff9b93' },
  domestic_abuse: { icon: Warning20Regular, light: '#a3352a', dark: '#ffa58f' },
  parental_adversity: { icon: PeopleTeam20Regular, light: '#9a4a00', dark: '#ffb774' },
  health_development: { icon: Stethoscope20Regular, light: '#00707a', dark: '#6fd6df' },
  education: { icon: HatGraduation20Regular, light: '#2f5fa8', dark: '#94b8f0' },
  police_justice: { icon: Gavel20Regular, light: '#7a3b3b', dark: '#e6a3a3' },
  exploitation_missing: { icon: PersonRunning20Regular, light: '#a8206b', dark: '#ff8fcb' },
  positive_relationships: { icon: Heart20Regular, light: '#2e7d32', dark: '#8fdc92' },
  strengths_achievements: { icon: Trophy20Regular, light: '#6a5a00', dark: '#f0d75a' },
};

const FALLBACK: Record<TimelineCategory['tone'], Look> = {
  adverse: { icon: Warning20Regular, light: '#a3352a', dark: '#ffa58f' },
  positive: { icon: Star20Regular, light: '#2e7d32', dark: '#8fdc92' },
  context: { icon: Backpack20Regular, light: '#55606e', dark: '#b9c3cf' },
};

type Tone = TimelineCategory['tone'];
export const TONES: Tone[] = ['adverse', 'positive', 'context'];

export type Palette = 'light' | 'dark' | 'contrast';

export function lookOf(category: TimelineCategory | undefined, palette: Palette): { Icon: FluentIcon; colour: string; tone: Tone; shape: ToneShape } {
  const tone = category?.tone ?? 'context';
  const look = (category && LOOKS[category.key]) ?? FALLBACK[tone];
  return {
    Icon: look.icon,
    colour: palette === 'contrast' ? 'CanvasText' : palette === 'dark' ? look.dark : look.light,
    tone,
    shape: TONE_MARKS[tone].shape,
  };
}

/**
 * How a mark is inked: in its category's colour (a CSS variable set where it is drawn), and in the
 * system's text colour under forced colours — which would otherwise paint a bar's background as the
 * canvas and leave an SVG's own fill to chance.
 */
export const useMarkStyles = makeStyles({
  ink: {
    color: 'var(--ecm-mark)',
    fill: 'currentColor',
    '@media (forced-colors: active)': { color: 'CanvasText', forcedColorAdjust: 'none' },
  },
  fill: {
    backgroundColor: 'var(--ecm-mark)',
    '@media (forced-colors: active)': { backgroundColor: 'CanvasText', forcedColorAdjust: 'none' },
  },
});

/** The CSS variable a mark takes its colour from. */
export const markColour = (colour: string) => ({ '--ecm-mark': colour }) as React.CSSProperties;

/** The marker shape, drawn in SVG so it prints and survives forced colours. */
export function ShapeMark({ shape, colour, size = 14 }: { shape: ToneShape; colour: string; size?: number }) {
  const s = useMarkStyles();
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 14 14"
      aria-hidden="true"
      focusable="false"
      className={s.ink}
      style={{ flex: 'none', ...markColour(colour) }}
      data-mark="tone"
    >
      {shape === 'triangle' ? (
        <polygon points="7,1 13,13 1,13" fill="currentColor" />
      ) : shape === 'circle' ? (
        <circle cx="7" cy="7" r="6" fill="currentColor" />
      ) : (
        <rect x="1.5" y="1.5" width="11" height="11" fill="currentColor" />
      )}
    </svg>
  );
}

/** The category's icon, in the category's colour. */
export function CategoryIcon({ look }: { look: { Icon: FluentIcon; colour: string } }) {
  const s = useMarkStyles();
  return <look.Icon aria-hidden="true" className={s.ink} style={markColour(look.colour)} data-mark="category" />;
}

const HIDDEN = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

function VisuallyHidden({ children }: { children: React.ReactNode }) {
  return <span style={HIDDEN}>{children}</span>;
}

/** A mark with its tone said in words too, for screen readers, which do not see the shape. */
export function ToneMark({ look }: { look: { tone: Tone; shape: ToneShape; colour: string } }) {
  return (
    <>
      <ShapeMark shape={look.shape} colour={look.colour} />
      <VisuallyHidden>{TONE_MARKS[look.tone].label}:</VisuallyHidden>
    </>
  );
}

/** "▲ Adverse event; ● Positive event; ■ Context": the legend in one line. */
export const SHAPE_LEGEND = TONES.map((t) => `${TONE_MARKS[t].symbol} ${TONE_MARKS[t].label}`).join('; ');
