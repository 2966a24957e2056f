import { schoolInScope } from '../../access/scope-sql.js';
import { checkPasswordPolicy, hashPassword } from '../auth/passwords.js';
import { schoolsByCode } from '../org/org.bulk.js';
import { type NewStaff, insertStaff, takenUsernames } from '../people/people.bulk.js';
import { type ImportError, duplicateErrors, oneOf, text } from '../../http/column-spec.js';
import { definePlan } from './import-plan.js';

export const staffColumns = {
  username: {
    header: '用户名', required: true, width: 16, note: '登录用的用户名，3 到 32 位字母、数字、点、下划线或短横线，不区分大小写且全系统唯一', example: 'gx.wanghong',
    parse: text({ max: 40, pattern: /^[A-Za-z0-9._-]{3,32}$/, rule: ' 3 到 32 位字母、数字、点、下划线或短横线' }),
  },
  name: { header: '姓名', required: true, width: 10, note: '真实姓名，最多 30 个字', example: '王红', parse: text({ max: 30 }) },
  phone: {
    header: '手机号', required: false, fallback: null as string | null, width: 14, note: '11 位手机号，可不填', example: '13800000000',
    parse: text({ max: 20, pattern: /^1\d{10}$/, rule: ' 11 位手机号' }),
  },
  schoolCode: { header: '学校标识码', required: true, width: 14, note: '任职学校的 10 位学校标识码，须在您的管理范围内', example: '1371525001', parse: text({ max: 40, pattern: /^\d{10}$/, rule: ' 10 位数字' }) },
  role: { header: '角色', required: true, width: 8, note: '校长或教师', example: '教师', parse: oneOf<NewStaff['role']>({ 校长: 'principal', 教师: 'teacher' }) },
  // Never echoed back in a message: the file's passwords stay out of responses and logs.
  password: {
    header: '初始密码', required: true, width: 16,
    note: '8 到 64 位，至少包含大写字母、小写字母、数字、符号中的三类，不能包含用户名，不能是常见密码；请通知本人首次登录后修改',
    example: 'Gx#2019spring', parse: (raw: string) => ({ value: raw }),
  },
};

// Each argon2 hash takes ~30 ms and 19 MiB; two at a time leave the thread pool to logins.
const HASH_CONCURRENCY = 2;

async function mapLimit<T, U>(items: readonly T[], limit: number, fn: (item: T) => Promise<U>): Promise<U[]> {
  const out = new Array<U>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export const staffPlan = definePlan({
  kind: 'staff',
  action: 'person:import',
  title: '教职工',
  targetType: 'user',
  columns: staffColumns,

  async load(db, scope, rows) {
    const codes = rows.flatMap((r) => (r.value.schoolCode ? [r.value.schoolCode] : []));
    const usernames = rows.flatMap((r) => (r.value.username ? [r.value.username] : []));
    const [schools, taken] = await Promise.all([schoolsByCode(db, schoolInScope(scope), codes), takenUsernames(db, usernames)]);
    return { schools, taken };
  },

  check(rows, ctx) {
    const errors: ImportError[] = duplicateErrors(rows, (v) => v.username?.toLowerCase() ?? null, '用户名', '用户名');
    for (const { row, value: v } of rows) {
      if (v.username && ctx.taken.has(v.username.toLowerCase())) {
        errors.push({ row, column: '用户名', message: `用户名 ${v.username} 已被使用（不区分大小写），请换一个` });
      }
      if (v.schoolCode && !ctx.schools.has(v.schoolCode)) {
        errors.push({ row, column: '学校标识码', message: `学校标识码 ${v.schoolCode} 不存在或不在您的管理范围内，请核对标识码` });
      }
      if (v.password !== undefined) {
        const problem = checkPasswordPolicy(v.password, v.username);
        if (problem) errors.push({ row, column: '初始密码', message: `初始密码不符合要求：${problem.message}` });
      }
    }
    return errors;
  },

  async prepare(rows, ctx) {
    return mapLimit(rows, HASH_CONCURRENCY, async (r): Promise<NewStaff> => {
      const school = ctx.schools.get(r.schoolCode);
      if (!school) throw new Error(`school ${r.schoolCode} passed the check but is not loaded`);
      return {
        username: r.username, name: r.name, phone: r.phone, passwordHash: await hashPassword(r.password), role: r.role,
        cityId: school.cityId, countyId: school.countyId, schoolId: school.id,
      };
    });
  },

  insert: (trx, staff, now) => insertStaff(trx, staff, now),
});
