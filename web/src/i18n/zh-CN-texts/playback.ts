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
  },
};
