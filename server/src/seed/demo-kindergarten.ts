import { liaochengCounty } from './liaocheng-places.js';
import { birthYearStart, type SeedContext, type WrittenCity, type WrittenSchool } from './org-writer.js';
import { PeopleMaker } from './people-maker.js';
import { SeededRandom } from './seeded-random.js';

/**
 * Children of a kindergarten, for the family app's kindergarten area (pick-up, 晨检, medication):
 * every class of 冠县's first kindergarten (about 25 a class) with a teacher and two parents to
 * log in with, and the first class of 莘县's first kindergarten (the other county's children the
 * access probes try). A step of its own, on a stream of its own, run after everything else: the
 * rest of the seed draws and numbers exactly as before it existed.
 */
export const KINDERGARTEN_ACCOUNTS = {
  teacher: { username: 'gxyey.teacher', name: '孟晓静' },
  parent: { username: 'gxyey.parent', name: '张雪梅', relation: '母亲' },
  parent2: { username: 'gxyey.parent2', name: '王建新', relation: '父亲' },
} as const;

// Its own stream: the seed's number with a fixed offset, so two runs with one seed agree.
const STREAM_OFFSET = 0x6b67; // "kg"

/** The county's kindergarten with the lowest code (the seed numbers a county's schools in order). */
function firstKindergarten(city: WrittenCity, countySlug: string): (WrittenSchool & { countyId: number }) | null {
  const countyId = city.countyIds.get(liaochengCounty(countySlug).code);
  const found = [...city.schools.values()]
    .filter((s) => s.countyId === countyId && s.kind === 'kindergarten')
    .sort((a, b) => a.code.localeCompare(b.code));
  return found[0] ?? null;
}

function addChildren(ctx: SeedContext, people: PeopleMaker, rng: SeededRandom, school: WrittenSchool, classes: WrittenSchool['classes']): number[] {
  const firstIds: number[] = [];
  let studentNo = 0;
  for (const klass of classes) {
    const size = rng.int(22, 28);
    let first: number | null = null;
    for (let k = 0; k < size; k++) {
      const child = people.person(0.48);
      const id = ctx.writer.add('students', {
        school_id: school.id, class_id: klass.id, name: child.name, gender: child.sex,
        birth_date: people.birthDate(birthYearStart(klass.level)), student_no: `${school.code}${String(++studentNo).padStart(4, '0')}`,
      });
      first ??= id;
    }
    if (first !== null) firstIds.push(first);
  }
  return firstIds;
}

/** The code of the county's kindergarten with the lowest code, as planned (its first class's 班主任 is gxyey.teacher in 冠县). */
export function firstKindergartenCode(plans: readonly { code: string; kind: string }[]): string | null {
  return plans.filter((p) => p.kind === 'kindergarten').map((p) => p.code).sort()[0] ?? null;
}

/** Adds the kindergarten children and accounts; call it last in seedCity, at every scale. */
export function seedKindergartenChildren(ctx: SeedContext, city: WrittenCity, seed: number): void {
  const rng = new SeededRandom(seed + STREAM_OFFSET);
  const people = new PeopleMaker(rng);
  const gxyey = firstKindergarten(city, 'guanxian');
  if (!gxyey || gxyey.classes.length < 2) throw new Error('seed: 冠县 has no kindergarten with two classes');
  const firsts = addChildren(ctx, people, rng, gxyey, gxyey.classes);
  const sxyey = firstKindergarten(city, 'shenxian');
  if (sxyey?.classes[0]) addChildren(ctx, people, rng, sxyey, sxyey.classes.slice(0, 1));

  const scope = { city_id: city.cityId, county_id: gxyey.countyId, school_id: gxyey.id };
  const user = (username: string, name: string, kind: 'staff' | 'guardian') => ctx.writer.add('users', {
    username, name, phone: people.mobile(), password_hash: ctx.passwordHash, kind, disabled: 0, failed_logins: 0,
    locked_until: null, created_at: ctx.createdAt, updated_at: ctx.createdAt,
  });
  const { teacher, parent, parent2 } = KINDERGARTEN_ACCOUNTS;
  const teacherId = user(teacher.username, teacher.name, 'staff');
  ctx.writer.add('role_assignments', { user_id: teacherId, role: 'teacher', department: null, ...scope, created_at: ctx.createdAt });
  // Class A's 班主任 (seedCity skips it in the school's turn): the pick-up desk's demo account.
  ctx.writer.teach({ class_id: gxyey.classes[0]!.id, user_id: teacherId, duty: 'head', subject: '' });
  for (const [account, childId] of [[parent, firsts[0]], [parent2, firsts[1]]] as const) {
    const id = user(account.username, account.name, 'guardian');
    ctx.writer.add('role_assignments', { user_id: id, role: 'parent', department: null, city_id: null, county_id: null, school_id: null, created_at: ctx.createdAt });
    ctx.writer.link({ user_id: id, student_id: childId!, relation: account.relation });
  }
}
