export {
  creditByMonth,
  creditByTargetGroup,
  monthsOfTaxYear,
  taxYearByMonth,
} from './credit-by-month.ts';
export type { MonthCredit, TargetGroupCredit } from './credit-by-month.ts';
export { creditFor } from './credit-for.ts';
export { checkCreditInput } from './credit-input.ts';
export { anniversary, creditWindows, taxYearOf, taxYearWindow } from './credit-periods.ts';
export type { DateWindow } from './credit-periods.ts';
export * from './credit-schemas.ts';
export { projectedCredit } from './projected-credit.ts';
export {
  CAP_CATEGORIES,
  CURRENT_RULE_SET,
  DEFAULT_AUTHORIZED_THROUGH,
  PROGRAM_RULES,
  isProgramAuthorized,
  programAuthorizedThrough,
  ruleSetFor,
} from '../wotc/program-rules.ts';
export type { CapCategory, ProgramRuleSet, RuleSetLookup } from '../wotc/program-rules.ts';
