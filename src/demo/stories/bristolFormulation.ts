import { type DemoFormulation, rec } from '../storyParts.js';

/**
 * FICTIONAL DEMO DATA — the formulation of the Bristol statutory case (see bristol.ts). Invented by
 * the demo's authors; it describes no real young person. Evidence names the story's timeline keys.
 */
export const BRISTOL_FORMULATION_V1: DemoFormulation = {
  summary:
    'A 15-year-old boy whose early life was shaped by domestic abuse at home, frequent moves and, at nine, the death of the grandmother who had been his most consistent carer. From twelve he spent time with older youths, went missing and was excluded from school; he is now on an 18-month Youth Rehabilitation Order for robbery. He is kind to younger children, good at sport, and does well with adults who are consistent and straightforward with him.',
  hypotheses: [
    {
      id: 'h1',
      domain: 'relationships',
      text: 'Adults in his early life were frightening or left (domestic abuse from before he was born, his father leaving). He may have learned that adults are unpredictable, so he keeps professionals at a distance and tests whether they will stay before he trusts them.',
      evidence: ['daPregnancy', 'fatherLeft', 'childInNeed'],
    },
    {
      id: 'h2',
      domain: 'coping',
      text: 'Losing his grandmother removed his main source of comfort. Without help to grieve, he may have turned to older peers and risk-taking for belonging and excitement, which also keeps painful feelings at bay.',
      evidence: ['granCare', 'granDied', 'missing'],
    },
    {
      id: 'h3',
      domain: 'triggers',
      text: 'Feeling shamed or cornered in front of others appears to set off fight-or-flight: leaving lessons, verbal aggression and, once, a fight. Incidents cluster around public challenge rather than private conversation.',
      evidence: ['suspensions', 'exclusion'],
    },
    {
      id: 'h4',
      domain: 'behaviours',
      text: 'Speech and language needs noted in reception may make it hard for him to put feelings into words or follow long spoken instructions; this can look like defiance.',
      evidence: ['speech', 'suspensions'],
    },
  ],
  fivePs: {
    presenting: 'Robbery with older youths; missing episodes; permanent exclusion; distrust of professionals.',
    predisposing: 'Domestic abuse from pregnancy onwards; father leaving; housing instability and school moves; early speech and language needs.',
    precipitating: 'Grandmother’s death at nine; the move to secondary school; contact with older youths from twelve.',
    perpetuating: 'Exclusion and a reduced timetable; belonging found with older peers; his mother’s own stress and low mood.',
    protective: 'A good relationship with his sports coach; kindness to younger children; his mother’s wish for change; sport.',
  },
  strengths:
    'Kind and protective towards younger children; strong at football and boxing; keeps going when an adult he trusts is alongside him; attended alternative provision well when he had a coach he liked; honest about what he finds hard once trust is built.',
  needs:
    'Possible speech, language and communication needs, not assessed since primary school; unresolved grief; short, concrete conversations and visual plans; low confidence with reading.',
  recommendations: [
    rec('r1', 1, 1, 'Social care to help the family with housing repairs and a benefits review so that home is calmer and more predictable.'),
    rec(
      'r2',
      2,
      2,
      'One consistent YJS worker: same day, time and place each week, confirmed by text the day before; short, active sessions (walk and talk).',
      true,
    ),
    rec('r3', 3, 2, 'Mentoring through a community boxing club, the mentor and YJS worker agreeing one shared message.', true),
    rec('r4', 4, 2, 'Speech and language screening by the YJS speech and language therapist; a one-page communication passport for the team and college.'),
    rec('r5', 5, 3, 'When he is ready, grief-focused sessions with the psychologist, with his YJS worker present for the first ones.', true),
    rec('r6', 6, 5, 'Plan a supported move from alternative provision to a college construction course.'),
  ],
  youthFriendly: {
    summary:
      'Your story so far: at times there was a lot of shouting and fear at home, and a lot of moving. Your nan looked after you most, and losing her was really hard. You are good at sport, you look out for younger kids, and you keep going when someone is on your side.',
    hypotheses:
      'When adults have not helped you when it mattered, it makes sense not to trust new ones straight away. When you feel made to look silly in front of people, your body gets ready to fight or run. Being with older lads may have felt like belonging after your nan died.',
    strengths: 'You are loyal, good at boxing and football, and kind to younger kids.',
    needs: 'Short, clear conversations work best for you. Some help with words and reading could make college easier.',
    recommendations:
      'Same worker, same time each week. A mentor at boxing. Help for your mum with the house. Later, when you want to, time to talk about your nan.',
  },
};

/** Version 2, after the first review: a plan for the summer holidays, when routine tends to fall away. */
export const BRISTOL_FORMULATION_V2: DemoFormulation = {
  ...BRISTOL_FORMULATION_V1,
  recommendations: [
    ...(BRISTOL_FORMULATION_V1.recommendations ?? []),
    rec('r7', 7, 2, 'A written summer holiday plan shared by the mentor and YJS worker: two fixed sessions a week and a named adult to text.', true),
  ],
  youthFriendly: {
    ...(BRISTOL_FORMULATION_V1.youthFriendly as NonNullable<DemoFormulation['youthFriendly']>),
    recommendations:
      'Same worker, same time each week. A mentor at boxing. Help for your mum with the house. A plan for the summer so you have things to do every week. Later, when you want to, time to talk about your nan.',
  },
};
