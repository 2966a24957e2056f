import type { FamilyMessages } from '../zh-CN';

/** Binding a child and my children: the family app's binding texts in English. */
export const familyEnBinding: Pick<FamilyMessages, 'binding'> = {
  binding: {
    tabs: { children: 'Children' },
    networkError: 'No connection: check the network and try again',
    sending: 'Sending…',
    cancel: 'Cancel',
    relations: { 父亲: 'Father', 母亲: 'Mother', 祖父: 'Grandfather (paternal)', 祖母: 'Grandmother (paternal)', 外祖父: 'Grandfather (maternal)', 外祖母: 'Grandmother (maternal)', 其他: 'Other' },
    status: { pending: 'Waiting for the teacher', confirmed: 'Bound', rejected: 'Not accepted' },
    bind: {
      title: 'Bind a child',
      note: 'Enter the invitation code the head teacher gave you (scanning the class QR code fills it in), your child\'s name and the last four digits of the student number. The head teacher confirms.',
      code: 'Class invitation code',
      codePlaceholder: '8 letters and digits, e.g. K7MXP2QA',
      childName: 'Child\'s name',
      childNamePlaceholder: 'As registered at school',
      digits: 'Last 4 digits of the student number',
      digitsHint: 'Ask the head teacher if you do not know the number',
      relation: 'You are the child\'s',
      relationText: 'Your relation, e.g. uncle',
      submit: 'Send the request',
      pending: 'Waiting for the teacher',
      pendingNote: 'Request sent for {{label}} of {{school}}. Once the head teacher confirms, you will see the child\'s notices and messages.',
      toChildren: 'My children',
    },
    children: {
      title: 'My children',
      none: 'No child bound yet. Use the head teacher\'s invitation code or scan the class QR code.',
      requests: 'Binding requests',
      add: 'Bind a child',
      unbind: 'Unbind',
      unbindConfirm: 'After unbinding {{label}} you will no longer receive this child\'s notices and messages. Unbind?',
      unbindOk: 'Unbind',
    },
  },
};
