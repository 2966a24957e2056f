import { type Actor, type Grant, permissionsOf } from '../access/actor.js';
import { ManualClock } from '../clock.js';
import type { Db } from '../db/database.js';
import { DEMO_SCHOOLS } from './demo-accounts.js';
import { createComplianceService } from '../modules/compliance/compliance.service.js';

const ISSUED = '2018-04-04';

const COMMENDATION_BODY = (names: string[]) => `各县(市、区)教育局：
2018年4月4日，全市信息化与教研融合推进现场会在冠县召开。为表彰在阳光放心校园项目建设和录播课常态化应用中成绩突出的学校，经研究，决定对${names.join('、')}等${names.length}所学校予以通报表彰。
希望受表彰的学校珍惜荣誉，继续发挥示范作用；各学校要以先进为榜样，全面高效应用平台系统，确保每学校每日不少于2节课的录播，推动全市教育信息化与教研融合工作顺利开展。`;

/**
 * The demo's bulletins: the commendation of the 2018-04-04 meeting in 冠县 (8 schools, 冠县实验小学
 * among them — the others are each county's first primary school by code, so the choice is the same
 * on every seed), and the city's notice on March compliance naming the counties below the city's
 * rate, read through the compliance service (run it after the demo history).
 */
export async function seedDemoBulletins(db: Db, cityId: number): Promise<void> {
  const k = db.db;
  const author = await k.selectFrom('users').select('id').where('username', '=', 'city.admin').executeTakeFirst();
  if (!author) return;
  const counties = await k.selectFrom('regions').select(['id', 'code', 'name']).where('parent_id', '=', cityId).orderBy('code').execute();
  const commended = [];
  const gxsy = await k.selectFrom('schools').select(['id', 'county_id', 'name']).where('code', '=', DEMO_SCHOOLS.guanxianShiyan.code).executeTakeFirst();
  if (gxsy) commended.push(gxsy);
  for (const c of counties) {
    if (c.id === gxsy?.county_id) continue;
    const first = await k.selectFrom('schools').select(['id', 'county_id', 'name']).where('county_id', '=', c.id).where('kind', '=', 'primary')
      .orderBy('code').executeTakeFirst();
    if (first) commended.push(first);
  }
  const at = `${ISSUED}T09:00:00.000Z`;
  const add = async (kind: 'commendation' | 'notice', title: string, body: string, subjects: { school_id: number | null; county_id: number }[]) => {
    const row = await k.insertInto('bulletins').values({
      city_id: cityId, kind, title, body, issued_on: ISSUED, status: 'published', created_by_user_id: author.id, created_at: at, published_at: at,
    }).returning('id').executeTakeFirstOrThrow();
    if (subjects.length) {
      await k.insertInto('bulletin_subjects').values(subjects.map((s) => ({
        bulletin_id: row.id, subject_key: s.school_id !== null ? `school:${s.school_id}` : `county:${s.county_id}`, ...s,
      }))).execute();
    }
  };

  const grants: Grant[] = [{ assignmentId: 0, role: 'city_admin', department: null, cityId, countyId: null, schoolId: null }];
  const cityBureau: Actor = { userId: author.id, username: 'city.admin', name: '', kind: 'staff', sessionId: 0, csrfToken: '', grants, permissions: permissionsOf(grants) };
  const compliance = createComplianceService({ db, clock: new ManualClock(new Date(`${ISSUED}T18:00:00+08:00`)) });
  const march = await compliance.summary(cityBureau, { from: '2018-03-01', to: '2018-03-31' });
  const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
  const cityRate = march.total.rate;
  const lagging = cityRate === null ? [] : march.rows.filter((r) => r.rate !== null && r.rate < cityRate).sort((a, b) => a.rate! - b.rate!).slice(0, 3);
  const lines = march.rows.map((r) => `${r.name}：应录播学校日 ${r.schoolDays - r.pendingDays} 个，达标 ${r.metDays} 个，达标率 ${pct(r.rate)}`);
  const notice = cityRate === null
    ? '3月份尚无录播达标数据。各县(市、区)教科所要按照每学校每日不少于2节课的录播要求，定期督导检查学校使用情况。'
    : `各县(市、区)教育局：
现将3月份（3月5日开学至3月31日）全市录播课达标情况通报如下。全市达标率 ${pct(cityRate)}。
${lines.join('\n')}
${lagging.length ? `${lagging.map((r) => r.name).join('、')}达标率低于全市水平，` : ''}请各县(市、区)教科所加强督导检查，对每日录播不足2节的学校逐校督促整改，并于4月13日前将整改情况报市教育局。`;

  await add('commendation', '关于表彰阳光放心校园项目先进学校的通报', COMMENDATION_BODY(commended.map((s) => s.name)),
    commended.map((s) => ({ school_id: s.id, county_id: s.county_id })));
  await add('notice', '关于3月份全市录播课达标情况的通报', notice, lagging.map((r) => ({ school_id: null, county_id: r.id })));
}
