import type { Kysely } from 'kysely';
import type { Database, InspectionFollowUpTable } from '../db/schema.js';
import { DEMO_SCHOOLS } from './demo-accounts.js';

interface DemoVisit {
  school: { code: string } | { countyCode: string; kind: 'kindergarten' };
  by: string;
  visitedOn: string;
  inspectors: string;
  items: { item: string; ok: boolean; note?: string }[];
  findings: string;
  rating: 'excellent' | 'good' | 'fair' | 'poor';
  followUps: { description: string; dueOn: string; status: InspectionFollowUpTable['status']; note?: string; noteOn?: string }[];
}

/**
 * Three visits of the spring term as the bureau would see them on 2018-04-04: 冠县教科所 at 冠县实验小学
 * (one follow-up open), 莘县教科所 at 莘县实验小学 (one open and overdue since 04-02), and 冠县学前教研室
 * at a kindergarten (rectified, awaiting verification).
 */
const VISITS: DemoVisit[] = [
  {
    school: { code: DEMO_SCHOOLS.guanxianShiyan.code }, by: 'guanxian.research', visitedOn: '2018-03-28', inspectors: '邢文军、耿明',
    items: [
      { item: 'room_use', ok: true }, { item: 'daily_recording', ok: true, note: '本周每天 2—3 节' },
      { item: 'resource_use', ok: false, note: '优课资源下载量偏低' }, { item: 'named_person', ok: true },
    ],
    findings: '录播室使用规范，每日录课达到要求；教师使用平台优质资源备课的不多。', rating: 'good',
    followUps: [{ description: '组织教师利用平台优课资源集体备课，每学科每月至少一次', dueOn: '2018-04-27', status: 'open' }],
  },
  {
    school: { code: DEMO_SCHOOLS.shenxianShiyan.code }, by: 'shenxian.research', visitedOn: '2018-03-30', inspectors: '宋建军',
    items: [
      { item: 'room_use', ok: true }, { item: 'daily_recording', ok: false, note: '3月26日—30日有三天只录 1 节' },
      { item: 'equipment', ok: true }, { item: 'named_person', ok: false, note: '录播室无专人管理' },
    ],
    findings: '每日录课不足两节的情况较多，录播室没有确定专人负责。', rating: 'fair',
    followUps: [
      { description: '确定录播室专人负责，报县教科所备案', dueOn: '2018-04-02', status: 'open' },
      { description: '排定每日录课安排，保证每个上课日不少于2节录播课', dueOn: '2018-04-13', status: 'open' },
    ],
  },
  {
    school: { countyCode: '371525', kind: 'kindergarten' }, by: 'guanxian.preschool', visitedOn: '2018-03-22', inspectors: '袁丽华',
    items: [{ item: 'room_use', ok: true }, { item: 'daily_recording', ok: true }, { item: 'teaching_research', ok: false, note: '教师不熟悉录播操作' }],
    findings: '幼儿园已常态化录课，部分教师不会独立操作录播设备。', rating: 'good',
    followUps: [{
      description: '组织全体教师录播设备操作培训', dueOn: '2018-04-10', status: 'rectified',
      note: '3月30日已由设备厂家工程师完成全园教师培训，签到表已存档', noteOn: '2018-03-31',
    }],
  },
];

/** Seeds the demo's supervision visits (after the demo city; ids from the seeded accounts). */
export async function seedDemoInspections(db: Kysely<Database>): Promise<void> {
  for (const v of VISITS) {
    const school = 'code' in v.school
      ? await db.selectFrom('schools').select(['id', 'county_id', 'city_id']).where('code', '=', v.school.code).executeTakeFirst()
      : await db.selectFrom('schools').select(['id', 'county_id', 'city_id']).where('code', 'like', `1${v.school.countyCode}%`)
        .where('kind', '=', v.school.kind).orderBy('code').executeTakeFirst();
    const author = await db.selectFrom('users').select('id').where('username', '=', v.by).executeTakeFirst();
    const principal = school && await db.selectFrom('role_assignments').select('user_id').where('role', '=', 'principal').where('school_id', '=', school.id)
      .orderBy('user_id').executeTakeFirst();
    if (!school || !author) continue;
    const at = `${v.visitedOn}T08:00:00.000Z`;
    const place = { school_id: school.id, county_id: school.county_id, city_id: school.city_id };
    const row = await db.insertInto('inspections').values({
      ...place, visited_on: v.visitedOn, inspectors: v.inspectors, items: JSON.stringify(v.items), findings: v.findings, rating: v.rating,
      created_by_user_id: author.id, created_at: at,
    }).returning('id').executeTakeFirstOrThrow();
    for (const f of v.followUps) {
      const noteAt = f.noteOn ? `${f.noteOn}T08:00:00.000Z` : null;
      await db.insertInto('inspection_follow_ups').values({
        ...place, inspection_id: row.id, description: f.description, due_on: f.dueOn, status: f.status,
        rectification_note: f.note ?? null, rectified_at: noteAt, rectified_by_user_id: noteAt ? principal?.user_id ?? null : null,
        review_comment: null, verified_at: null, verified_by_user_id: null, created_at: at, updated_at: noteAt ?? at,
      }).execute();
    }
  }
}
