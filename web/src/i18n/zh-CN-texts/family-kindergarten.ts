/** 幼儿园一日（教师端）：入园、晨检、离园接送台、委托服药。 */
export const zhFamilyKindergarten = {
  familyKindergarten: {
    title: '幼儿园一日',
    note: '入园、晨检、离园接送和喂药；只有家长授权的接送人和当天的临时委托能接走孩子。',
    chooseClass: '选择班级',
    noClass: '您不是任何幼儿园班级的班主任或任课教师',
    col: { child: '幼儿', arrival: '入园', check: '晨检', medication: '委托服药', pickup: '离园' },
    arrive: '记录入园',
    broughtBy: '谁送来的',
    save: '保存',
    correct: '更正',
    giveDose: '已喂药',
    dosesDone: '今日已服完',
    pickUp: '接送台',
    refusedTag: '{{name}} 被拒',
    status: { normal: '正常', attention: '需关注', sent_home: '劝返' },
    check: {
      title: '晨检：{{child}}', do: '晨检', temperature: '体温', hands: '手部正常', mouth: '口腔正常', skin: '皮肤正常',
      status: '结果', note: '备注', short: '手{{hands}} 口{{mouth}} 皮{{skin}}',
    },
    desk: {
      title: '离园接送：{{child}}', persons: '家长授权的接送人', noPersons: '家长还没有添加接送人', oneOff: '临时委托（限今天一次）',
      confirm: '确认由此人接走', someoneElse: '来人不在名单上？输入姓名和手机号核对', name: '来人姓名', phone: '来人手机号',
      phoneRule: '请输入 11 位手机号', check: '核对', refused: '拒绝接走',
    },
  },
};
