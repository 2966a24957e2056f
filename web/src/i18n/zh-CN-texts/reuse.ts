/** A recording whose file another school uploaded too (the server's `reuse` flag). */
export const zhReuse = {
  recordingReuse: {
    label: '重复文件',
    copyTag: '疑似重复使用他校录播课',
    originalTag: '文件被他校再次上传',
    copyHint: '该录像文件与{{where}}此前上传的录像完全相同，不计入录播课；已提醒教科所核实。',
    originalHint: '该录像文件又被{{where}}作为自己的录播课上传；这节课仍计入本校，已提醒教科所核实。',
    sameCounty: '本县区另一所学校',
    otherCounty: '其他县区的一所学校',
  },
};
