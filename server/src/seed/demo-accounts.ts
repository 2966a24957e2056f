import type { Department, Role } from '../../../shared/domain.js';
import { LIAOCHENG } from './liaocheng-places.js';

/** The password of every seeded account. The seed hashes it once and gives all accounts that hash. */
export const DEMO_PASSWORD = 'Sunshine@2018';

/**
 * Schools the named accounts and the tests rely on. Their codes are fixed in every scale because
 * the seed numbers each county's schools with the county seat's primary schools first.
 */
export const DEMO_SCHOOLS = {
  guanxianShiyan: { code: '1371525001', name: '冠县实验小学' },
  guanxianDier: { code: '1371525002', name: '冠县第二实验小学' },
  shenxianShiyan: { code: '1371522001', name: '莘县实验小学' },
} as const;

/** Where an account's role applies: a region code (city or county), a 10-digit school code, or,
 * for a parent, the child's class (by its order in the school) and the guardian's relation. */
export type DemoScope =
  | { level: 'system' }
  | { level: 'city'; code: string }
  | { level: 'county'; code: string }
  | { level: 'school'; code: string; /** A teacher who is head teacher (班主任) of this class (by its order in the school). */ headOfClass?: number }
  | { level: 'guardian'; school: string; classIndex: number; relation: string };

export interface DemoAccount {
  username: string;
  /** The person's name in Chinese. */
  name: string;
  role: Role;
  department?: Department;
  scope: DemoScope;
}

// Names of the five county accounts (admin, 教科所, 电教馆, 学前教研室, 教研员), by county slug.
// Fictional people: the seed must not carry a real official's name.
const COUNTY_PEOPLE: Record<string, readonly [string, string, string, string, string]> = {
  dongchangfu: ['刘建华', '王志刚', '张丽萍', '李静', '赵春梅'],
  linqing: ['孙国强', '马晓东', '高红霞', '徐丽', '于海燕'],
  yanggu: ['郭振东', '朱永刚', '周玉兰', '吴婷婷', '崔明亮'],
  shenxian: ['田立新', '宋建军', '韩秀英', '孟凡荣', '曹卫东'],
  chiping: ['魏长青', '许文博', '董丽娜', '冯雪梅', '吕志勇'],
  donge: ['贾庆华', '胡建平', '郑彩霞', '姜美玲', '石磊'],
  guanxian: ['任国栋', '邢文军', '谢红梅', '袁丽华', '耿明'],
  gaotang: ['侯志军', '付振华', '范秀兰', '路晓燕', '段文涛'],
};

// Each county's 责任督学 (school inspector), by county slug; fictional people as above.
const COUNTY_INSPECTORS: Record<string, string> = {
  dongchangfu: '陈保国', linqing: '杨秀芝', yanggu: '黄立军', shenxian: '王淑琴',
  chiping: '李德明', donge: '张桂香', guanxian: '刘振海', gaotang: '赵玉兰',
};

function countyAccounts(): DemoAccount[] {
  return LIAOCHENG.counties.flatMap((county) => {
    const people = COUNTY_PEOPLE[county.slug];
    if (!people) throw new Error(`no demo people for county ${county.slug}`);
    const [admin, research, edtech, preschool, researcher] = people;
    const scope: DemoScope = { level: 'county', code: county.code };
    return [
      { username: `${county.slug}.admin`, name: admin, role: 'county_admin', scope },
      { username: `${county.slug}.research`, name: research, role: 'dept_staff', department: 'research', scope },
      { username: `${county.slug}.edtech`, name: edtech, role: 'dept_staff', department: 'edtech', scope },
      { username: `${county.slug}.preschool`, name: preschool, role: 'dept_staff', department: 'preschool', scope },
      { username: `${county.slug}.researcher`, name: researcher, role: 'researcher', scope },
      { username: `${county.slug}.inspector`, name: COUNTY_INSPECTORS[county.slug] ?? `${county.name}督学`, role: 'inspector', scope },
    ] satisfies DemoAccount[];
  });
}

const GXSY = DEMO_SCHOOLS.guanxianShiyan.code;

/**
 * The named accounts of every seed scale, which the README and the tests log in with. Each has one
 * role; the generated staff of each school (p<schoolcode>, t<schoolcode>_<nn>) come in addition.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'sysadmin', name: '系统管理员', role: 'sysadmin', scope: { level: 'system' } },
  { username: 'secadmin', name: '安全管理员', role: 'secadmin', scope: { level: 'system' } },
  { username: 'auditor', name: '安全审计员', role: 'auditor', scope: { level: 'system' } },
  { username: 'city.admin', name: '孙立新', role: 'city_admin', scope: { level: 'city', code: LIAOCHENG.code } },
  { username: 'city.research', name: '高文静', role: 'researcher', scope: { level: 'city', code: LIAOCHENG.code } },
  { username: 'city.inspector', name: '周建明', role: 'inspector', scope: { level: 'city', code: LIAOCHENG.code } },
  ...countyAccounts(),
  { username: 'gxsy.principal', name: '马建国', role: 'principal', scope: { level: 'school', code: GXSY } },
  // 班主任 of the class of gxsy.parent's child (class A of the family app's probes), not of gxsy.parent2's.
  { username: 'gxsy.teacher', name: '李晓燕', role: 'teacher', scope: { level: 'school', code: GXSY, headOfClass: 0 } },
  { username: 'gx2.teacher', name: '张志强', role: 'teacher', scope: { level: 'school', code: DEMO_SCHOOLS.guanxianDier.code } },
  { username: 'sxsy.principal', name: '赵立群', role: 'principal', scope: { level: 'school', code: DEMO_SCHOOLS.shenxianShiyan.code } },
  { username: 'gxsy.parent', name: '王丽娟', role: 'parent', scope: { level: 'guardian', school: GXSY, classIndex: 0, relation: '母亲' } },
  { username: 'gxsy.parent2', name: '刘志刚', role: 'parent', scope: { level: 'guardian', school: GXSY, classIndex: 1, relation: '父亲' } },
];

/** The named account with this username; throws when there is none (a typo in a test). */
export function demoAccount(username: string): DemoAccount {
  const account = DEMO_ACCOUNTS.find((a) => a.username === username);
  if (!account) throw new Error(`no demo account ${username}`);
  return account;
}
