import type { Rule } from '../Checklist.ts'

/** The rule variant with the given `type`, for typing one evaluator. */
export type RuleOf<T extends Rule['type']> = Extract<Rule, { type: T }>
