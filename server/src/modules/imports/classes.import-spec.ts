import type { SchoolKind } from '../../../../shared/domain.js';
import { schoolInScope } from '../../access/scope-sql.js';
import { gradesAndClassesOf, insertClasses, insertGrades, schoolsByCode } from '../org/org.bulk.js';
import { type ImportError, duplicateErrors, text } from '../../http/column-spec.js';
import { definePlan } from './import-plan.js';

// Grade levels as the seed stores them: 1–12 from primary to senior, -3..-1 for 小班/中班/大班.
const GRADE_NAMES: readonly (readonly [string, number])[] = [
  ['小班', -3], ['中班', -2], ['大班', -1], ['一年级', 1], ['二年级', 2], ['三年级', 3], ['四年级', 4], ['五年级', 5],
  ['六年级', 6], ['七年级', 7], ['八年级', 8], ['九年级', 9], ['高一', 10], ['高二', 11], ['高三', 12],
];
const ALIASES: Record<string, number> = { 初一: 7, 初二: 8, 初三: 9, 高一年级: 10, 高二年级: 11, 高三年级: 12 };
const LEVEL_OF = new Map<string, number>([...GRADE_NAMES, ...Object.entries(ALIASES)]);
const NAME_OF = new Map(GRADE_NAMES.map(([name, level]) => [level, name]));

const LEVELS_OF_KIND: Record<SchoolKind, readonly number[]> = {
  kindergarten: [-3, -2, -1],
  primary: [1, 2, 3, 4, 5, 6],
  junior: [7, 8, 9],
  nine_year: [1, 2, 3, 4, 5, 6, 7, 8, 9],
  senior: [10, 11, 12],
};
const KIND_NAME: Record<SchoolKind, string> = { kindergarten: '幼儿园', primary: '小学', junior: '初中', nine_year: '九年一贯制学校', senior: '高中' };

function grade(raw: string, header: string): { value: number } | { error: string } {
  const level = LEVEL_OF.get(raw.replace(/\s/g, ''));
  if (level !== undefined) return { value: level };
  return { error: `${header} "${raw}" 无法识别，应为：${GRADE_NAMES.map(([n]) => n).join('、')}` };
}

export const classColumns = {
  schoolCode: { header: '学校标识码', required: true, width: 14, note: '班级所在学校的 10 位学校标识码，学校须已在系统中且在您的管理范围内', example: '1371525001', parse: text({ max: 40, pattern: /^\d{10}$/, rule: ' 10 位数字' }) },
  level: { header: '年级', required: true, width: 10, note: '小班、中班、大班、一年级至九年级、高一至高三（初一至初三也可），须与学校的办学类型相符', example: '一年级', parse: grade },
  name: { header: '班级', required: true, width: 16, note: '班级名称，最多 20 个字，同一学校同一年级内不能重复', example: '一年级(9)班', parse: text({ max: 20 }) },
};

const classKey = (schoolCode: string, level: number, name: string) => `${schoolCode}|${level}|${name}`;

export const classesPlan = definePlan({
  kind: 'classes',
  action: 'school:import',
  title: '班级',
  targetType: 'class',
  columns: classColumns,

  async load(db, scope, rows) {
    const codes = rows.flatMap((r) => (r.value.schoolCode ? [r.value.schoolCode] : []));
    const schools = await schoolsByCode(db, schoolInScope(scope), codes);
    const existing = await gradesAndClassesOf(db, [...schools.values()].map((s) => s.id));
    const codeOf = new Map([...schools.values()].map((s) => [s.id, s.code]));
    return {
      schools,
      grades: new Map(existing.grades.map((g) => [`${g.schoolId}:${g.level}`, g.id])),
      classes: new Set(existing.classes.map((c) => classKey(codeOf.get(c.schoolId) ?? '', c.level, c.name))),
    };
  },

  check(rows, ctx) {
    const errors: ImportError[] = duplicateErrors(
      rows,
      (v) => (v.schoolCode && v.level !== undefined && v.name ? classKey(v.schoolCode, v.level, v.name) : null),
      '班级', '学校、年级和班级',
    );
    for (const { row, value: v } of rows) {
      if (!v.schoolCode) continue;
      const school = ctx.schools.get(v.schoolCode);
      if (!school) {
        errors.push({ row, column: '学校标识码', message: `学校标识码 ${v.schoolCode} 不存在或不在您的管理范围内，请先导入该学校或核对标识码` });
        continue;
      }
      if (v.level === undefined) continue;
      const allowed = LEVELS_OF_KIND[school.kind];
      if (!allowed.includes(v.level)) {
        errors.push({
          row, column: '年级',
          message: `${school.name}是${KIND_NAME[school.kind]}，没有“${NAME_OF.get(v.level)}”，应为：${allowed.map((l) => NAME_OF.get(l)).join('、')}`,
        });
      } else if (v.name && ctx.classes.has(classKey(v.schoolCode, v.level, v.name))) {
        errors.push({ row, column: '班级', message: `${school.name}${NAME_OF.get(v.level)}已有班级“${v.name}”，请勿重复导入` });
      }
    }
    return errors;
  },

  async prepare(rows, ctx) {
    const newGrades = new Map<string, { school_id: number; name: string; level: number }>();
    const classes = rows.map((r) => {
      const school = ctx.schools.get(r.schoolCode);
      if (!school) throw new Error(`school ${r.schoolCode} passed the check but is not loaded`);
      const key = `${school.id}:${r.level}`;
      if (!ctx.grades.has(key)) newGrades.set(key, { school_id: school.id, name: NAME_OF.get(r.level) ?? String(r.level), level: r.level });
      return { schoolId: school.id, gradeKey: key, name: r.name };
    });
    return { grades: ctx.grades, newGrades: [...newGrades.values()], classes };
  },

  async insert(trx, p) {
    const created = await insertGrades(trx, p.newGrades);
    const gradeId = (key: string) => {
      const id = p.grades.get(key) ?? created.get(key);
      if (id === undefined) throw new Error(`grade ${key} was neither found nor created`);
      return id;
    };
    await insertClasses(trx, p.classes.map((c) => ({ school_id: c.schoolId, grade_id: gradeId(c.gradeKey), name: c.name })));
    return p.classes.length;
  },
});
