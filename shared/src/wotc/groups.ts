import { Type, type Static } from 'typebox';
import {
  CAP_CATEGORIES,
  CURRENT_RULE_SET,
  type CapCategory,
  type ProgramRuleSet,
} from './program-rules.ts';
import { TARGET_GROUP_NAMES } from './group-names.ts';

/** DOL reporting codes of the WOTC target groups (docs/wotc-rules.md §2). */
export const DOL_CODES = [
  'A',
  'B-a',
  'B-b',
  'B-c',
  'B-d',
  'B-e',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'I',
  'J',
] as const;

export const dolCodeSchema = Type.Enum(DOL_CODES);
export type DolCode = (typeof DOL_CODES)[number];

export const targetGroupSchema = Type.Object({
  /** Group number as used by the Form 8850 instructions (1–10). */
  group: Type.Integer({ minimum: 1, maximum: 10 }),
  code: dolCodeSchema,
  name: Type.String(),
  /** Which IRC §51(b)(3) wage limit applies (program-rules.ts). */
  capCategory: Type.Enum(CAP_CATEGORIES),
  /** Qualified first-year wage cap in dollars. */
  wageCap: Type.Integer(),
  /** Largest credit at 40% (employee works 400+ hours); group I includes its 50% second year. */
  maxCredit: Type.Integer(),
  /** Largest first-year credit at 25% (120–399 hours). */
  maxCreditAt25: Type.Integer(),
});
export type TargetGroup = Static<typeof targetGroupSchema>;

type GroupRow = Pick<TargetGroup, 'group' | 'code' | 'name'> & { capCategory: CapCategory };

/** docs/wotc-rules.md §2, in the order of the 8850 instructions; amounts come from the rule set. */
const GROUP_ROWS: readonly GroupRow[] = [
  {
    group: 1,
    code: 'A',
    name: TARGET_GROUP_NAMES['A'],
    capCategory: 'standard',
  },
  {
    group: 2,
    code: 'B-a',
    name: TARGET_GROUP_NAMES['B-a'],
    capCategory: 'standard',
  },
  {
    group: 2,
    code: 'B-b',
    name: TARGET_GROUP_NAMES['B-b'],
    capCategory: 'veteran_disabled_discharged',
  },
  {
    group: 2,
    code: 'B-c',
    name: TARGET_GROUP_NAMES['B-c'],
    capCategory: 'veteran_disabled_unemployed_6m',
  },
  {
    group: 2,
    code: 'B-d',
    name: TARGET_GROUP_NAMES['B-d'],
    capCategory: 'standard',
  },
  {
    group: 2,
    code: 'B-e',
    name: TARGET_GROUP_NAMES['B-e'],
    capCategory: 'veteran_unemployed_6m',
  },
  {
    group: 3,
    code: 'C',
    name: TARGET_GROUP_NAMES['C'],
    capCategory: 'standard',
  },
  {
    group: 4,
    code: 'D',
    name: TARGET_GROUP_NAMES['D'],
    capCategory: 'standard',
  },
  {
    group: 5,
    code: 'E',
    name: TARGET_GROUP_NAMES['E'],
    capCategory: 'standard',
  },
  {
    group: 6,
    code: 'F',
    name: TARGET_GROUP_NAMES['F'],
    capCategory: 'summer_youth',
  },
  {
    group: 7,
    code: 'G',
    name: TARGET_GROUP_NAMES['G'],
    capCategory: 'standard',
  },
  {
    group: 8,
    code: 'H',
    name: TARGET_GROUP_NAMES['H'],
    capCategory: 'standard',
  },
  {
    group: 9,
    code: 'I',
    name: TARGET_GROUP_NAMES['I'],
    capCategory: 'long_term_family_assistance',
  },
  {
    group: 10,
    code: 'J',
    name: TARGET_GROUP_NAMES['J'],
    capCategory: 'standard',
  },
];

/**
 * A group's wage cap and largest credits under `rules` (whole dollars: every cap is a multiple of
 * $20, so 25 % and 40 % of it are too). Group I adds its second year at 50 %.
 */
export function groupAmounts(
  capCategory: CapCategory,
  rules: ProgramRuleSet = CURRENT_RULE_SET,
): Pick<TargetGroup, 'wageCap' | 'maxCredit' | 'maxCreditAt25'> {
  const wageCap = rules.wageCaps[capCategory];
  const secondYear =
    capCategory === 'long_term_family_assistance'
      ? Math.round(rules.secondYearWageCap * rules.secondYearRate)
      : 0;
  return {
    wageCap,
    maxCredit: Math.round(wageCap * rules.fullRate) + secondYear,
    maxCreditAt25: Math.round(wageCap * rules.reducedRate),
  };
}

/** Every target group with the amounts of the current rule set (the newest hires). */
export const TARGET_GROUPS: readonly TargetGroup[] = GROUP_ROWS.map((row) => ({
  ...row,
  ...groupAmounts(row.capCategory),
}));

const BY_CODE = new Map(TARGET_GROUPS.map((g) => [g.code, g]));

export function targetGroup(code: DolCode): TargetGroup {
  const group = BY_CODE.get(code);
  if (!group) throw new RangeError(`Unknown DOL code ${code}`);
  return group;
}
