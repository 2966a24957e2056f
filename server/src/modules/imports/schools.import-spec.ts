import { type SqlBool, sql } from 'kysely';
import type { Locality, SchoolKind } from '../../../../shared/domain.js';
import type { NewSchool } from '../../db/schema.js';
import { type CountyRef, countiesForImport, insertSchools, schoolsByCode, takenSchoolCodes } from '../org/org.bulk.js';
import { markBuilt } from '../rollout/rollout.bulk.js';
import { type ImportError, duplicateErrors, int, oneOf, text, yesNo } from '../../http/column-spec.js';
import { definePlan } from './import-plan.js';

// Headers and order follow the school export (org.export.ts), so an export can be imported back.
export const schoolColumns = {
  code: { header: '学校标识码', required: true, width: 14, note: '教育部统一的 10 位学校标识码，全市唯一', example: '1371525101', parse: text({ max: 40, pattern: /^\d{10}$/, rule: ' 10 位数字' }) },
  name: { header: '学校名称', required: true, width: 28, note: '学校全称，2 到 60 个字', example: '冠县清泉街道示范小学', parse: text({ min: 2, max: 60 }) },
  county: { header: '县(市、区)', required: true, width: 12, note: '学校所属县(市、区)的名称，须在您的管理范围内', example: '冠县', parse: text({ max: 30 }) },
  kind: {
    header: '办学类型', required: true, width: 12, note: '幼儿园、小学、初中、九年一贯制、高中之一', example: '小学',
    parse: oneOf<SchoolKind>({ 幼儿园: 'kindergarten', 小学: 'primary', 初中: 'junior', 九年一贯制: 'nine_year', 高中: 'senior' }),
  },
  township: { header: '乡镇(街道)', required: true, width: 14, note: '学校所在乡镇或街道', example: '清泉街道', parse: text({ max: 30 }) },
  locality: { header: '城乡', required: true, width: 8, note: '城区或农村', example: '城区', parse: oneOf<Locality>({ 城区: 'urban', 农村: 'rural' }) },
  poorVillage: { header: '贫困村学校', required: false, fallback: 0, width: 10, note: '是或否，不填为否', example: '否', parse: yesNo },
  studentCount: { header: '学生数', required: false, fallback: 0, width: 8, note: '0 到 20000 的整数，不填为 0', example: '1200', parse: int(0, 20000) },
  staffCount: { header: '教职工数', required: false, fallback: 0, width: 8, note: '0 到 2000 的整数，不填为 0', example: '80', parse: int(0, 2000) },
  address: { header: '地址', required: false, fallback: '', width: 30, note: '最多 120 个字', example: '聊城市冠县清泉街道振兴路 18 号', parse: text({ max: 120 }) },
  contactName: { header: '联系人', required: false, fallback: '', width: 10, note: '最多 30 个字', example: '王老师', parse: text({ max: 30 }) },
  contactPhone: {
    header: '联系电话', required: false, fallback: '', width: 14, note: '手机或座机号码，最多 20 位', example: '0635-5212345',
    parse: text({ max: 20, pattern: /^[0-9+\- ]{1,20}$/, rule: '电话号码（数字，可含 + - 和空格）' }),
  },
  batch: { header: '建设批次', required: false, fallback: null as string | null, width: 10, note: '阳光校园项目建设批次，如 2018-08；不在项目内则不填', example: '2019-02', parse: batch },
  built: {
    header: '已建成录播室', required: false, fallback: 0, width: 12, example: '否', parse: yesNo,
    note: '是或否，不填为否。项目学校（填了建设批次）在项目启动时录播室已建成的填“是”，适用市教育局为已建成项目学校定的时间节点；其余为新建，适用新实施项目学校的时间节点。不在项目内的学校不填',
  },
};

function batch(raw: string, header: string): { value: string | null } | { error: string } {
  // Excel turns a typed 2018-08 into a date, which the reader gives back as 2018-08-01.
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*月|[-/.]\d{1,2})?$/.exec(raw);
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) return { error: `${header}应为“年-月”，如 2018-08，当前为 "${raw}"` };
  return { value: `${m[1]}-${String(month).padStart(2, '0')}` };
}

type CountyLookup = Awaited<ReturnType<typeof countiesForImport>>;

function resolveCounty(name: string, counties: CountyLookup): { county: CountyRef } | { error: string } {
  const named = counties.all.filter((c) => c.name === name);
  const reachable = named.filter((c) => counties.inScope.has(c.id));
  const choices = counties.all.filter((c) => counties.inScope.has(c.id)).map((c) => c.name);
  const hint = choices.length ? `，您可导入的县(市、区)为：${choices.slice(0, 20).join('、')}` : '';
  if (reachable.length === 1) return { county: reachable[0] as CountyRef };
  if (reachable.length > 1) return { error: `县(市、区) "${name}" 在多个市有重名，无法确定是哪一个，请联系市级管理员导入` };
  if (named.length) return { error: `县(市、区) "${name}" 不在您的管理范围内${hint}` };
  return { error: `县(市、区) "${name}" 不存在，请检查名称是否写全（如“东昌府区”）${hint}` };
}

export const schoolsPlan = definePlan({
  kind: 'schools',
  action: 'school:import',
  title: '学校',
  targetType: 'school',
  columns: schoolColumns,

  async load(db, scope, rows) {
    const codes = rows.flatMap((r) => (r.value.code ? [r.value.code] : []));
    const [counties, takenCodes] = await Promise.all([countiesForImport(db, scope), takenSchoolCodes(db, codes)]);
    return { counties, takenCodes };
  },

  check(rows, ctx) {
    const errors: ImportError[] = duplicateErrors(rows, (v) => v.code ?? null, '学校标识码', '学校标识码');
    for (const { row, value } of rows) {
      if (value.code && ctx.takenCodes.has(value.code)) {
        errors.push({ row, column: '学校标识码', message: `学校标识码 ${value.code} 已存在，请勿重复导入；如需修改该校信息，请在学校列表中编辑` });
      }
      if (value.county) {
        const found = resolveCounty(value.county, ctx.counties);
        if ('error' in found) errors.push({ row, column: '县(市、区)', message: found.error });
      }
      // Built or new only chooses a programme school's deadlines: a 是 without a batch is most
      // likely a batch left out, and dropping it silently would lose what the person typed.
      if (value.built === 1 && value.batch === null) {
        errors.push({
          row, column: '已建成录播室',
          message: '已建成录播室填了“是”，但建设批次为空：只有阳光校园项目学校区分已建成与新建。请填写该校的建设批次，或将已建成录播室改为“否”或留空',
        });
      }
    }
    return errors;
  },

  async prepare(rows, ctx) {
    const schools = rows.map((r): Omit<NewSchool, 'created_at' | 'updated_at'> => {
      const found = resolveCounty(r.county, ctx.counties);
      if ('error' in found) throw new Error(`county ${r.county} passed the check but does not resolve`);
      return {
        code: r.code, name: r.name, kind: r.kind, county_id: found.county.id, city_id: found.county.cityId,
        township: r.township, locality: r.locality, poor_village: r.poorVillage, student_count: r.studentCount,
        staff_count: r.staffCount, address: r.address, contact_name: r.contactName, contact_phone: r.contactPhone, batch: r.batch,
      };
    });
    return { schools, builtCodes: rows.filter((r) => r.built === 1).map((r) => r.code) };
  },

  async insert(trx, { schools, builtCodes }, now) {
    await insertSchools(trx, schools.map((s) => ({ ...s, created_at: now, updated_at: now })));
    if (builtCodes.length) {
      // The schools were created just now, in this transaction: every code is found.
      const created = await schoolsByCode(trx, sql<SqlBool>`1 = 1`, builtCodes);
      await markBuilt(trx, [...created.values()], now);
    }
    return schools.length;
  },
});
