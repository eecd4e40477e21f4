import { Type, type Static } from 'typebox';

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
  /** Qualified first-year wage cap in dollars. */
  wageCap: Type.Integer(),
  /** Largest credit at 40% (employee works 400+ hours); group I includes its 50% second year. */
  maxCredit: Type.Integer(),
  /** Largest first-year credit at 25% (120–399 hours). */
  maxCreditAt25: Type.Integer(),
});
export type TargetGroup = Static<typeof targetGroupSchema>;

/** docs/wotc-rules.md §2, in the order of the 8850 instructions. */
export const TARGET_GROUPS: readonly TargetGroup[] = [
  {
    group: 1,
    code: 'A',
    name: 'Qualified IV-A recipient (short-term TANF)',
    wageCap: 6000,
    maxCredit: 2400,
    maxCreditAt25: 1500,
  },
  {
    group: 2,
    code: 'B-a',
    name: 'Qualified veteran receiving SNAP',
    wageCap: 6000,
    maxCredit: 2400,
    maxCreditAt25: 1500,
  },
  {
    group: 2,
    code: 'B-b',
    name: 'Disabled veteran hired within 1 year of discharge',
    wageCap: 12000,
    maxCredit: 4800,
    maxCreditAt25: 3000,
  },
  {
    group: 2,
    code: 'B-c',
    name: 'Disabled veteran unemployed 6 months or more',
    wageCap: 24000,
    maxCredit: 9600,
    maxCreditAt25: 6000,
  },
  {
    group: 2,
    code: 'B-d',
    name: 'Veteran unemployed at least 4 weeks but less than 6 months',
    wageCap: 6000,
    maxCredit: 2400,
    maxCreditAt25: 1500,
  },
  {
    group: 2,
    code: 'B-e',
    name: 'Veteran unemployed 6 months or more',
    wageCap: 14000,
    maxCredit: 5600,
    maxCreditAt25: 3500,
  },
  {
    group: 3,
    code: 'C',
    name: 'Qualified ex-felon',
    wageCap: 6000,
    maxCredit: 2400,
    maxCreditAt25: 1500,
  },
  {
    group: 4,
    code: 'D',
    name: 'Designated community resident (EZ or RRC)',
    wageCap: 6000,
    maxCredit: 2400,
    maxCreditAt25: 1500,
  },
  {
    group: 5,
    code: 'E',
    name: 'Vocational rehabilitation referral',
    wageCap: 6000,
    maxCredit: 2400,
    maxCreditAt25: 1500,
  },
  {
    group: 6,
    code: 'F',
    name: 'Qualified summer youth employee',
    wageCap: 3000,
    maxCredit: 1200,
    maxCreditAt25: 750,
  },
  {
    group: 7,
    code: 'G',
    name: 'SNAP recipient (age 18–39)',
    wageCap: 6000,
    maxCredit: 2400,
    maxCreditAt25: 1500,
  },
  {
    group: 8,
    code: 'H',
    name: 'SSI recipient',
    wageCap: 6000,
    maxCredit: 2400,
    maxCreditAt25: 1500,
  },
  {
    group: 9,
    code: 'I',
    name: 'Long-term family assistance recipient (long-term TANF)',
    wageCap: 10000,
    maxCredit: 9000,
    maxCreditAt25: 2500,
  },
  {
    group: 10,
    code: 'J',
    name: 'Qualified long-term unemployment recipient',
    wageCap: 6000,
    maxCredit: 2400,
    maxCreditAt25: 1500,
  },
];

const BY_CODE = new Map(TARGET_GROUPS.map((g) => [g.code, g]));

export function targetGroup(code: DolCode): TargetGroup {
  const group = BY_CODE.get(code);
  if (!group) throw new RangeError(`Unknown DOL code ${code}`);
  return group;
}
