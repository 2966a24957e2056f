/** Lessons kept as a record without video (history, or demo lessons whose clips are not made yet). */
export const zhRecordOnly = {
  recordOnly: {
    tag: '仅课程记录',
    tooltip: '平台保存了这节课的课程信息和计数结果，但没有视频文件，无法播放',
    help: '这节录播课只有课程记录（课程信息和是否计入），没有视频文件，无法播放。',
  },
};
