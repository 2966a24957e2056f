import type { SchoolKind } from '../../../shared/domain.js';
import type { PeopleMaker } from './people-maker.js';
import type { RowWriter } from './row-writer.js';
import type { CityPlace } from './liaocheng-places.js';
import { type PlannedSchool, staffFor } from './school-plan.js';
import type { SeededRandom } from './seeded-random.js';

/** What every writer of seed rows shares. */
export interface SeedContext {
  rng: SeededRandom;
  people: PeopleMaker;
  writer: RowWriter;
  passwordHash: string;
  /** created_at / updated_at of every seeded row: a fixed date, so runs compare equal. */
  createdAt: string;
  log: (m: string) => void;
}

/** How much of a school to write: the scales differ in classes and accounts, not in schools. */
export interface SchoolDetail {
  /** Grade levels to create, or null for all the school's grades. */
  gradeLimit: number | null;
  /** Classes per grade: a fixed number, or derived from student_count and capped here. */
  classesPerGrade: { fixed: number } | { max: number };
  teachers(school: PlannedSchool): number;
  /** True for the few schools that get student rows (children's data: keep it small). */
  withStudents(school: PlannedSchool): boolean;
  /** Classes (by order in the school) whose 班主任 is a named account, written with the named roles. */
  namedHeads?(school: PlannedSchool): ReadonlySet<number>;
}

export interface WrittenSchool {
  id: number;
  code: string;
  kind: SchoolKind;
  /** Per class, in creation order: its id, its grade level and its first student's id (null without students). */
  classes: { id: number; level: number; firstStudentId: number | null }[];
}

const GRADE_LEVELS: Record<SchoolKind, readonly number[]> = {
  kindergarten: [-3, -2, -1],
  primary: [1, 2, 3, 4, 5, 6],
  junior: [7, 8, 9],
  nine_year: [1, 2, 3, 4, 5, 6, 7, 8, 9],
  senior: [10, 11, 12],
};
const GRADE_NAMES = new Map<number, string>([
  [-3, '小班'], [-2, '中班'], [-1, '大班'], [1, '一年级'], [2, '二年级'], [3, '三年级'], [4, '四年级'],
  [5, '五年级'], [6, '六年级'], [7, '七年级'], [8, '八年级'], [9, '九年级'], [10, '高一'], [11, '高二'], [12, '高三'],
]);
const CLASS_SIZE: Record<SchoolKind, number> = { kindergarten: 30, primary: 45, junior: 50, nine_year: 45, senior: 50 };
// Share of women among the staff: nearly all in kindergartens, most in primary schools.
const FEMALE_STAFF: Record<SchoolKind, number> = { kindergarten: 0.95, primary: 0.72, junior: 0.58, nine_year: 0.62, senior: 0.5 };

/** 小(1)班 in a kindergarten, 一年级(1)班 elsewhere. */
function className(level: number, n: number): string {
  const grade = GRADE_NAMES.get(level) ?? `${level}年级`;
  return level < 0 ? `${grade.slice(0, 1)}(${n})班` : `${grade}(${n})班`;
}

/** The first day of the school year 2018/19 for a child born in the year that starts then. */
export function birthYearStart(level: number): Date {
  // Grade 1 in September 2018 takes children born 2011-09-01 .. 2012-08-31; 大班 is "grade 0".
  const gradeEquivalent = level < 0 ? level + 1 : level;
  return new Date(Date.UTC(2012 - gradeEquivalent, 8, 1));
}

/**
 * Writes one planned school with its principal (p<code>), teachers (t<code>_<nn>), grades,
 * classes and, for the chosen schools, students of about 30 a class.
 */
export function writeSchool(ctx: SeedContext, s: PlannedSchool, cityId: number, countyId: number, detail: SchoolDetail): WrittenSchool {
  const { rng, people, writer } = ctx;
  const femaleShare = FEMALE_STAFF[s.kind];
  const principal = people.person(femaleShare);
  const principalPhone = people.mobile();

  const levels = GRADE_LEVELS[s.kind].slice(0, detail.gradeLimit ?? undefined);
  const cpg = 'fixed' in detail.classesPerGrade
    ? detail.classesPerGrade.fixed
    : Math.min(detail.classesPerGrade.max, Math.max(1, Math.round(s.studentCount / (GRADE_LEVELS[s.kind].length * CLASS_SIZE[s.kind]))));
  const withStudents = detail.withStudents(s);
  const classSizes = levels.map(() => Array.from({ length: cpg }, () => (withStudents ? rng.int(28, 34) : 0)));
  // A school with student rows counts exactly those, so that its figures and its lists agree.
  const studentCount = withStudents ? classSizes.flat().reduce((a, b) => a + b, 0) : s.studentCount;
  const staffCount = withStudents ? staffFor(s.kind, studentCount) : s.staffCount;

  const schoolId = writer.add('schools', {
    code: s.code, name: s.name, kind: s.kind, county_id: countyId, city_id: cityId, township: s.township,
    locality: s.locality, poor_village: s.poorVillage ? 1 : 0, student_count: studentCount, staff_count: staffCount,
    address: s.address, contact_name: principal.name, contact_phone: principalPhone, batch: s.batch,
    created_at: ctx.createdAt, updated_at: ctx.createdAt,
  });

  const scope = { city_id: cityId, county_id: countyId, school_id: schoolId };
  const addStaff = (username: string, name: string, phone: string, role: 'principal' | 'teacher'): number => {
    const userId = writer.add('users', {
      username, name, phone, password_hash: ctx.passwordHash, kind: 'staff', disabled: 0, failed_logins: 0,
      locked_until: null, created_at: ctx.createdAt, updated_at: ctx.createdAt,
    });
    writer.add('role_assignments', { user_id: userId, role, department: null, ...scope, created_at: ctx.createdAt });
    return userId;
  };
  addStaff(`p${s.code}`, principal.name, principalPhone, 'principal');
  const teachers = detail.teachers({ ...s, studentCount, staffCount });
  const teacherIds: number[] = [];
  for (let i = 1; i <= teachers; i++) {
    teacherIds.push(addStaff(`t${s.code}_${String(i).padStart(2, '0')}`, people.person(femaleShare).name, people.mobile(), 'teacher'));
  }

  const classes: WrittenSchool['classes'] = [];
  let studentNo = 0;
  levels.forEach((level, g) => {
    const gradeId = writer.add('grades', { school_id: schoolId, name: GRADE_NAMES.get(level) ?? String(level), level });
    for (let c = 0; c < cpg; c++) {
      const classId = writer.add('classes', { school_id: schoolId, grade_id: gradeId, name: className(level, c + 1) });
      // Each class a head teacher (班主任), the school's teachers in turn; no random draw, so the
      // rest of the seed is the same as before class staff existed.
      const head = teacherIds[classes.length % Math.max(1, teacherIds.length)];
      if (head !== undefined && !detail.namedHeads?.(s).has(classes.length)) writer.teach({ class_id: classId, user_id: head, duty: 'head', subject: '' });
      let firstStudentId: number | null = null;
      for (let k = 0; k < (classSizes[g]?.[c] ?? 0); k++) {
        const child = people.person(0.48);
        const id = writer.add('students', {
          school_id: schoolId, class_id: classId, name: child.name, gender: child.sex,
          birth_date: people.birthDate(birthYearStart(level)), student_no: `${s.code}${String(++studentNo).padStart(4, '0')}`,
        });
        firstStudentId ??= id;
      }
      classes.push({ id: classId, level, firstStudentId });
    }
  });
  return { id: schoolId, code: s.code, kind: s.kind, classes };
}

const DEPARTMENT_NAMES = { research: '教科所', edtech: '电教馆', preschool: '学前教研室' } as const;

export interface WrittenCity {
  cityId: number;
  countyIds: Map<string, number>;
  /** The city's schools by code, with the county they belong to. */
  schools: Map<string, WrittenSchool & { countyId: number }>;
}

/**
 * Writes a city bureau, its county bureaus with their three departments each, and the planned
 * schools of every county (`plans` in the order of `city.counties`).
 */
export async function writeCity(
  ctx: SeedContext,
  city: Pick<CityPlace, 'code' | 'name' | 'bureau'> & { counties: readonly { code: string; name: string }[] },
  plans: readonly (readonly PlannedSchool[])[],
  detail: SchoolDetail,
): Promise<WrittenCity> {
  const { writer } = ctx;
  const cityId = writer.add('regions', { code: city.code, name: city.name, level: 'city', parent_id: null, bureau_name: city.bureau });
  const written: WrittenCity = { cityId, countyIds: new Map(), schools: new Map() };
  for (const [i, county] of city.counties.entries()) {
    const bureau = `${county.name}教育局`;
    const countyId = writer.add('regions', { code: county.code, name: county.name, level: 'county', parent_id: cityId, bureau_name: bureau });
    written.countyIds.set(county.code, countyId);
    for (const [kind, name] of Object.entries(DEPARTMENT_NAMES) as [keyof typeof DEPARTMENT_NAMES, string][]) {
      writer.add('departments', { region_id: countyId, kind, name: bureau + name });
    }
    for (const school of plans[i] ?? []) {
      written.schools.set(school.code, { ...writeSchool(ctx, school, cityId, countyId, detail), countyId });
      await writer.flushIfFull();
    }
  }
  return written;
}
