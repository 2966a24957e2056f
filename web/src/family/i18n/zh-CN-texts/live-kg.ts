/** 园所直播（家长端）：孩子班级的房间在开放时段内的直播，只看直播、不提供回放。 */
export const familyZhLiveKg = {
  liveKg: {
    title: '园所直播',
    card: '园所直播',
    cardOpen: '{{room}} 正在直播，点击观看',
    cardClosed: '{{room}}：{{text}}',
    none: '孩子的班级还没有开放直播',
    watch: '观看',
    stop: '停止观看',
    open: '直播中',
    closed: '未开放',
    forChild: '为 {{label}} 观看',
    liveOnly: '只提供直播，不提供回放；每次观看都会记录观看人和时长。',
    oneWay: '单向直播',
    loading: '正在连接直播…',
    noStream: '摄像头画面暂未送达，请稍后再试',
    ended: '观看已结束',
    windows: '开放时段',
    weekdays: ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  },
};
