import type { MatrixFixture, Target } from '../../access/matrix/matrix-types.js';
import type { TestApp } from '../../test-support/test-app.js';
import { shanghaiDate } from '../../../../shared/dates.js';

/**
 * The routine's records the matrix tries: a piece of homework today in the first class of each
 * target school (冠县实验小学, 冠县第二实验小学, 莘县实验小学), so the weekly figures of each
 * actor show which schools they reach; `routineDay` is that day.
 */
export interface RoutineFixture {
  routineDay: string;
}

export async function addRoutineToFixture(t: TestApp, f: MatrixFixture): Promise<RoutineFixture> {
  const day = shanghaiDate(t.clock.now());
  for (const target of ['own', 'sibling', 'foreign'] as const satisfies readonly Target[]) {
    const klass = await t.db.db.selectFrom('classes').innerJoin('grades', 'grades.id', 'classes.grade_id').innerJoin('schools', 'schools.id', 'classes.school_id')
      .select(['classes.id', 'classes.school_id', 'schools.county_id', 'schools.city_id', 'grades.level'])
      .where('classes.school_id', '=', f.school[target]).orderBy('classes.id').executeTakeFirstOrThrow();
    await t.db.db.insertInto('homework').values({
      class_id: klass.id, school_id: klass.school_id, county_id: klass.county_id, city_id: klass.city_id, grade_level: klass.level,
      subject: '语文', content: '朗读课文', kind: 'oral', minutes: 10, assigned_on: day, due_on: day, warning: null,
      created_by_user_id: null, created_at: t.clock.now().toISOString(),
    }).execute();
  }
  Object.assign(f, { routineDay: day });
  return { routineDay: day };
}

export function routineOf(f: MatrixFixture): RoutineFixture {
  const c = f as MatrixFixture & Partial<RoutineFixture>;
  if (!c.routineDay) throw new Error('the matrix fixture has no routine records: call addRoutineToFixture(t, f) in buildMatrixFixture');
  return { routineDay: c.routineDay };
}
