/**
 * The programme's rollout (阳光放心校园项目推进) in words both sides use: milestones, the school
 * groups batch targets count, and what a deadline may require.
 */
import type { SchoolKind } from './domain.js';

/** A school's milestones, in the order they are normally reached: 注册 → 设备安装 → 激活 → 常态化使用. */
export const MILESTONES = ['registered', 'installed', 'activated', 'in_regular_use'] as const;
export type Milestone = (typeof MILESTONES)[number];

/** A deadline requires milestones, and may require a named person responsible (专人负责). */
export const REQUIREMENTS = [...MILESTONES, 'named_person'] as const;
export type Requirement = (typeof REQUIREMENTS)[number];

/** Batch targets count kindergartens and 中小学 (primary, junior and nine-year schools) apart. */
export const SCHOOL_GROUPS = ['kindergarten', 'primaryAndJunior'] as const;
export type SchoolGroup = (typeof SCHOOL_GROUPS)[number];

/** Which schools a deadline applies to: those whose programme was already built when it was set, or the rest. */
export const DEADLINE_APPLIES = ['built', 'new'] as const;
export type DeadlineApplies = (typeof DEADLINE_APPLIES)[number];

/** Senior schools are not in the programme: they belong to no group. */
export function groupOf(kind: SchoolKind): SchoolGroup | null {
  if (kind === 'kindergarten') return 'kindergarten';
  if (kind === 'senior') return null;
  return 'primaryAndJunior';
}

export const KINDS_OF_GROUP: Record<SchoolGroup, readonly SchoolKind[]> = {
  kindergarten: ['kindergarten'],
  primaryAndJunior: ['primary', 'junior', 'nine_year'],
};
