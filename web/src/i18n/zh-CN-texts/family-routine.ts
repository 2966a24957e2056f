/** 作业: class staff post homework against the national limits, keep the class timetable; the weekly figures for principals and bureaus. */
export const zhFamilyRoutine = {
  homework: {
    title: '作业与课程表',
    note: '按国家规定：一、二年级不布置书面家庭作业，三至六年级每天书面作业不超过 60 分钟，初中不超过 90 分钟。超出时发布前会提示，并通知班主任。',
    noClass: '您不是任何班级的班主任或任课教师',
    tabs: { post: '布置作业', timetable: '课程表', figures: '作业周统计' },
    field: { subject: '学科', content: '作业内容', kind: '类型', minutes: '预计用时（分钟）', assignedOn: '布置日期', dueOn: '截止日期' },
    kind: { written: '书面', oral: '口头', practice: '实践' },
    minutes: '{{n}} 分钟',
    weekday: { d1: '星期一', d2: '星期二', d3: '星期三', d4: '星期四', d5: '星期五', d6: '星期六', d7: '星期日' },
    limit: {
      max: '书面作业每天不超过 {{limit}} 分钟',
      zero: '本年级不布置书面家庭作业（可布置口头、实践作业）',
      none: '高中无统一书面作业时长规定',
      kindergarten: '幼儿园不布置作业',
    },
    check: { ok: '发布后本班当天书面作业合计 {{minutes}} 分钟（{{limit}}）' },
    warning: {
      NO_HOMEWORK: '幼儿园不布置作业',
      NO_WRITTEN_HOMEWORK: '一、二年级不布置书面家庭作业',
      OVER_WRITTEN_LIMIT: '本班当天书面作业超过国家规定时长',
    },
    post: { title: '布置作业', submit: '发布', anyway: '仍然发布（将通知班主任）', done: '作业已发布' },
    week: { title: '本周作业（{{from}} 至 {{to}}）', day: '日期', items: '作业', written: '书面作业合计' },
    timetable: {
      title: '班级课程表', add: '添加一节', save: '保存课程表', saved: '课程表已保存，共 {{n}} 节', remove: '删除',
      weekday: '星期', period: '节次', startsAt: '开始', endsAt: '结束', teacher: '任课教师',
    },
    figures: {
      title: '作业周统计', school: '学校', county: '县(市、区)', classes: '布置作业的班级', classDays: '有作业的班级天数',
      avg: '平均书面作业（分钟/班/天）', over: '超时班级天数', total: '合计', week: '统计周：{{from}} 至 {{to}}',
    },
  },
};
