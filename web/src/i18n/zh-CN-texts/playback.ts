/** The multi-track lesson player: layouts, the main picture, the seek bar. */
export const zhPlayback = {
  multiTrack: {
    main: '主画面',
    layout: '画面布局',
    single: '单画面',
    grid: '多画面',
    pip: '画中画',
    makeMain: '点击将「{{track}}」设为主画面',
    seek: '播放进度',
    offsets: '机位同步',
    offsetsHelp: '各机位录像在本节课时间轴上的起点（秒）：某台摄像机晚开机 2 秒，就填 2；提前开机填负数。播放时各画面按此对齐。',
    offsetsSaved: '机位同步已保存',
    seconds: '秒',
    startsAt: '起点 {{value}} 秒',
  },
};
