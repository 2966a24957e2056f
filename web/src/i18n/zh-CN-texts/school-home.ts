/** A school's home page (principal, teacher), 我的录播课 and the compliance list's own words. */
export const zhSchoolHome = {
  schoolHome: {
    quotaTitle: '{{school}} · 录播达标',
    quotaTitleShort: '本校录播达标',
    openDashboard: '查看本校看板',
    todayLessons: '{{day}} 计入录播课 / 要求',
    noSchoolDay: '非上学日',
    quotaMet: '今日已达标',
    quotaPending: '今日尚未达标',
    quotaMissed: '未达标',
    monthRate: '本月达标率',
    judgedDays: '{{met}} / {{judged}} 个上学日达标',
    monthMissed: '本月未达标日',
    monthLessons: '本月计入录播课',
    nextLessons: '接下来的录播课（课表）',
    noLessons: '近七天课表中没有录播课',
    noRooms: '本校还没有录播室',
    alerts: '提醒',
    roomAlert: '录播室',
    inbox: '消息',
    inboxAll: '全部消息（{{n}} 条未读）',
    noAlerts: '没有待处理的提醒',
    all: '全部（{{n}}）',
  },
  myRecordings: {
    title: '我的录播课',
    onlyMine: '只看我的',
    empty: '还没有您讲授或上传的录播课',
  },
  complianceList: {
    showUntracked: '显示未考核学校',
  },
};
