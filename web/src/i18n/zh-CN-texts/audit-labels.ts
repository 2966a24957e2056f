/** The audit page's words for what the server logs: target types, detail fields and their values. */
export const zhAuditLabels = {
  auditLabels: {
    /** `target_type` codes. */
    targetTypes: {
      user: '人员', school: '学校', region: '行政区', recording: '录像', room: '录播室', device: '录播主机', class: '班级',
      student: '学生', report: '报表', bulletin: '通报', inspection: '督导检查', inspection_follow_up: '整改事项',
      rollout_batch: '建设批次', rollout_deadline: '时间节点', route: '接口', audit_log: '审计日志',
      patrol: '巡课记录', resource: '优质资源', resource_comment: '资源评论',
      research_activity: '教研活动', research_group: '教研组', lesson_comment: '评课意见', observation_rubric: '观课量表',
    },
    /** Keys of `detail`, and field names listed in `changed`. */
    fields: {
      changed: '修改的字段', filter: '筛选条件', rows: '行数', page: '页码', reason: '原因', role: '角色', assignmentId: '授权编号',
      username: '用户名', assignments: '角色', name: '名称', before: '修改前', after: '修改后', userId: '人员编号',
      built: '已建成录播室', note: '说明', cityId: '市编号', countyId: '县区编号', schoolId: '学校编号', roomId: '录播室编号',
      code: '代码', dueOn: '截止日期', targets: '目标', appliesTo: '适用范围', batchCode: '批次', requires: '要求完成',
      deleted: '删除的内容', department: '部门', period: '周期', periodStart: '周期起始', cutoff: '截止时刻',
      retentionDays: '保留天数', recordings: '录像数', ids: '编号', day: '日期', days: '日期', recomputed: '重新计算的校日数',
      file: '文件', format: '格式', from: '原状态', to: '新状态', dates: '日期', inspectionId: '督导检查编号', kind: '类型',
      published: '已发布', schools: '学校数', counties: '县区数', lessons: '课节数', lockedUntil: '锁定至', failures: '失败次数',
      ok: '校验通过', rowsChecked: '校验行数', firstBadId: '首个异常行', problem: '问题', resubmitted: '重新提交',
      oldHint: '原令牌尾号', tokenHint: '令牌尾号', serial: '序列号', firmware: '固件版本', vendor: '厂商', model: '型号',
      groupId: '课程编号', tracks: '机位', expiresAt: '有效期至', schoolDay: '上学日', track: '机位', title: '标题', objects: '文件数',
      visitedOn: '检查日期', rating: '评定', followUps: '整改事项数', table: '报表', uploadId: '上传编号', deviceId: '设备编号',
      size: '大小（字节）', sha256: 'SHA-256', duplicate: '重复文件', status: '状态', milestone: '推进节点', doneOn: '完成日期',
      plannedOn: '计划日期', evidenceNote: '佐证说明', evidenceLink: '佐证链接', needs: '所需权限', comment: '意见', disabled: '已停用',
      contactName: '联系人', contactPhone: '联系电话', phone: '电话', address: '地址', township: '乡镇(街道)', locality: '城乡',
      poorVillage: '贫困村学校', studentCount: '学生数', staffCount: '教职工数', location: '位置', countyIdFilter: '县区',
      actor: '操作人', action: '操作', result: '结果', targetType: '对象类型', targetId: '对象编号', asOf: '截至', batch: '批次',
      met: '达标情况', order: '排序', untracked: '含未考核学校', q: '关键词', subject: '学科', counts: '计入', value: '值', raw: '原文',
    },
    atBeijing: '时间（北京时间）',
    yes: '是',
    no: '否',
    none: '无',
    /** A target whose name is not known (deleted, or a kind without names): its type and id. */
    targetWithId: '{{type}}（编号 {{id}}）',
  },
};
