import type { Db } from '../../db/database.js';
import type { NotifyDepartment } from '../notifications/notifications.service.js';
import type { ReusePair } from './recordings.ingest.js';
import * as q from './recordings.queries.js';

/**
 * Tells the 教科所 of both counties that one file arrived as two schools' lessons. Each county
 * hears about its own school's recording only, with a link to it; the other side is "a school of
 * this county" or "a school of another county", never a name or an id (another county's lesson is
 * outside their scope). Idempotent: ingest repeats it after a crash, the dedupe keys keep one each.
 */
export function reuseNotifier(deps: { db: Db; notifyDepartment: NotifyDepartment }) {
  const db = deps.db.db;
  return async function notifyReuse(pair: ReusePair): Promise<void> {
    const [copy, original] = await Promise.all([q.reuseNoticeFacts(db, pair.copyId), q.reuseNoticeFacts(db, pair.originalId)]);
    if (!copy || !original) return;
    const other = pair.sameCounty ? '本县区另一所学校' : '其他县区的一所学校';
    await deps.notifyDepartment([copy.county_id], 'research', {
      kind: 'recording_reuse',
      title: `疑似重复使用他校录播课：${copy.school_name}`,
      body: `${copy.school_name} 上传的录播课《${copy.title}》（${copy.school_day}）与${other}此前上传的录像文件完全相同，`
        + '已标记为不计入录播课。请核实该校是否使用了其他学校的录播课。',
      link: `/recordings/${copy.id}`,
      dedupeKey: `recording_reuse:${copy.id}:copy`,
    });
    await deps.notifyDepartment([original.county_id], 'research', {
      kind: 'recording_reuse',
      title: `录播课文件被他校再次上传：${original.school_name}`,
      body: `${original.school_name} 的录播课《${original.title}》（${original.school_day}）的录像文件，又被${other}作为自己的录播课上传（文件完全相同）。`
        + '这节课仍计入本校；请核实是否有人重复使用了这节课。',
      link: `/recordings/${original.id}`,
      dedupeKey: `recording_reuse:${copy.id}:original`,
    });
  };
}
