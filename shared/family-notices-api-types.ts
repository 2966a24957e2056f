/** 家校通知: the shapes of the notice routes, as the web app reads them (server: modules/family/notices.*). */

export type NoticeAudienceKind = 'classes' | 'grades' | 'schools' | 'counties';

export interface SendNoticeInput {
  title: string;
  body: string;
  mustConfirm?: boolean;
  urgent?: boolean;
  emergency?: boolean;
  includeStaff?: boolean;
  audience: { kind: NoticeAudienceKind; ids: number[] };
  attachmentIds?: number[];
}

export interface SentNotice {
  id: number;
  families: number;
  staff: number;
  recipients: number;
  classes: number;
  urgent: boolean;
  emergency: boolean;
  held: boolean;
  pushDueAt: string;
  pushed: number;
}

export interface NoticeAudienceOptions {
  kinds: NoticeAudienceKind[];
  mayUrgent: boolean;
  mayEmergency: boolean;
  classes: { id: number; name: string; schoolId: number; schoolName: string }[];
  grades: { id: number; name: string; schoolId: number; schoolName: string }[];
  schools: { id: number; name: string; countyId: number }[];
  counties: { id: number; name: string }[];
}

export interface NoticeAttachmentView {
  id: number;
  name: string;
  contentType: string;
  sizeBytes: number;
}

export interface ReceiptCounts {
  recipients: number;
  read: number;
  confirmed: number;
  staff: { recipients: number; read: number; confirmed: number };
}

export interface NoticeSummary {
  id: number;
  title: string;
  body: string;
  mustConfirm: boolean;
  urgent: boolean;
  emergency: boolean;
  includeStaff: boolean;
  audienceKind: NoticeAudienceKind;
  audienceLabel: string;
  createdAt: string;
  pushDueAt: string;
  pushedAt: string | null;
  remindedAt: string | null;
}

export interface SentNoticesPage {
  items: (NoticeSummary & ReceiptCounts)[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ReceiptPerson {
  userId: number;
  /** The children in this class that brought the guardian in: "一年级(1)班 王小明". */
  labels: string[];
  relation: string;
  readAt: string | null;
  confirmedAt: string | null;
}

export interface NoticeReceipts extends ReceiptCounts {
  notice: NoticeSummary;
  /** False for a bureau: figures only, no child's name. */
  namesShown: boolean;
  classes: {
    classId: number;
    className: string;
    schoolName: string;
    recipients: number;
    read: number;
    confirmed: number;
    people: { confirmed: ReceiptPerson[]; read: ReceiptPerson[]; notRead: ReceiptPerson[] } | null;
  }[];
}

export interface NoticeProgress extends ReceiptCounts {
  id: number;
  rate: number;
  confirmRate: number;
  at: string;
}

export interface Reminded {
  reminded: number;
  remindedAt: string;
  nextAt: string;
}

export interface ReceivedNotice {
  id: number;
  title: string;
  senderName: string;
  mustConfirm: boolean;
  urgent: boolean;
  emergency: boolean;
  createdAt: string;
  readAt: string | null;
  confirmedAt: string | null;
  children: { studentId: number; label: string }[];
}

export interface ReceivedNoticesPage {
  items: ReceivedNotice[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}

export interface ReceivedNoticeDetail extends ReceivedNotice {
  body: string;
  attachments: NoticeAttachmentView[];
}

export interface NoticesUnread {
  unread: number;
  byChild: { studentId: number; label: string; unread: number }[];
}
