import type { Department } from '../../../../shared/domain.js';
import type { Milestone, Requirement, SchoolGroup } from '../../../../shared/rollout.js';

/** Chinese names for the server's own messages and the Excel export (the web app has its i18n). */
export const MILESTONE_NAMES: Record<Milestone, string> = {
  registered: '注册', installed: '设备安装', activated: '激活', in_regular_use: '常态化使用',
};

export const REQUIREMENT_NAMES: Record<Requirement, string> = { ...MILESTONE_NAMES, named_person: '专人负责' };

export const DEPARTMENT_NAMES: Record<Department, string> = { research: '教科所', edtech: '电教馆', preschool: '学前教研室' };

export const GROUP_NAMES: Record<SchoolGroup, string> = { kindergarten: '幼儿园', primaryAndJunior: '中小学' };
