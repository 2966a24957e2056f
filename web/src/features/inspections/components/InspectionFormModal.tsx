import { App, Button, Checkbox, Col, Flex, Form, Input, Row, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Inspection, InspectionItem, InspectionRating } from '@shared/supervision-api-types';
import { FormModal } from '../../../app/components/FormModal';
import { SchoolSelect } from '../../schools/components/SchoolSelect';
import { createInspection, INSPECTION_ITEMS, RATINGS } from '../api/inspections.api';
import { PlatformDatePicker } from '../../../app/PlatformDatePicker';
import { platformToday } from '../../../app/time';

interface ItemValue {
  checked: boolean;
  ok: boolean;
  note?: string;
}

interface Values {
  schoolId?: number;
  visitedOn: Dayjs;
  inspectors: string;
  items: Record<InspectionItem, ItemValue>;
  findings?: string;
  rating: InspectionRating;
  followUps: { description: string; dueOn?: Dayjs }[];
}

/**
 * Records a visit: the school, the day, who inspected, what was checked (each item found in order
 * or not, with a note), the findings and rating, and the follow-ups the school must put right by a
 * due date. The server keeps a county's staff within their county and their department's duty.
 */
export function InspectionFormModal({ schoolId, onClose, onSaved }: { schoolId?: number; onClose: () => void; onSaved: (inspection: Inspection) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const items = Form.useWatch('items', form);

  async function onSubmit(values: Values) {
    const checked = INSPECTION_ITEMS.filter((item) => values.items[item]?.checked).map((item) => ({
      item, ok: values.items[item].ok, note: values.items[item].note?.trim() || undefined,
    }));
    if (!checked.length) {
      void message.error(t('inspections.itemsRequired'));
      return;
    }
    const saved = await createInspection({
      schoolId: values.schoolId!,
      visitedOn: values.visitedOn.format('YYYY-MM-DD'),
      inspectors: values.inspectors.trim(),
      items: checked,
      findings: values.findings?.trim() ?? '',
      rating: values.rating,
      followUps: (values.followUps ?? []).map((f) => ({ description: f.description.trim(), dueOn: f.dueOn!.format('YYYY-MM-DD') })),
    });
    void message.success(t('common.saved'));
    onSaved(saved);
  }

  const initialItems = Object.fromEntries(INSPECTION_ITEMS.map((item) => [item, { checked: item === 'room_use' || item === 'daily_recording', ok: true }])) as Values['items'];

  return (
    <FormModal<Values>
      title={t('inspections.createTitle')}
      form={form}
      width={720}
      onClose={onClose}
      onSubmit={onSubmit}
      okText={t('inspections.save')}
      initialValues={{ schoolId, visitedOn: platformToday(), items: initialItems, rating: 'good', followUps: [] }}
    >
      <Row gutter={16}>
        <Col xs={24} sm={14}>
          <Form.Item name="schoolId" label={t('inspections.school')} rules={[{ required: true, message: t('inspections.schoolRequired') }]}>
            <SchoolSelect data-testid="inspection-school" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item name="visitedOn" label={t('inspections.visitedOn')} rules={[{ required: true }]}>
            <PlatformDatePicker style={{ width: '100%' }} disabledDate={(day) => day.isAfter(platformToday(), 'day')} data-testid="inspection-date" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="inspectors" label={t('inspections.inspectors')} rules={[{ required: true, whitespace: true, message: t('inspections.inspectorsRequired') }]}>
        <Input maxLength={200} placeholder={t('inspections.inspectorsPlaceholder')} data-testid="inspection-inspectors" />
      </Form.Item>
      <Typography.Text strong>{t('inspections.items')}</Typography.Text>
      <Flex vertical gap={4} style={{ margin: '8px 0 16px' }}>
        {INSPECTION_ITEMS.map((item) => (
          <Flex key={item} gap={8} align="center" wrap>
            <Form.Item name={['items', item, 'checked']} valuePropName="checked" noStyle>
              <Checkbox style={{ width: 150 }} data-testid={`item-${item}`}>{t(`inspections.itemNames.${item}`)}</Checkbox>
            </Form.Item>
            <Form.Item name={['items', item, 'ok']} noStyle>
              <Select
                size="small"
                style={{ width: 110 }}
                disabled={!items?.[item]?.checked}
                options={[{ value: true, label: t('inspections.itemOk') }, { value: false, label: t('inspections.itemIssue') }]}
                aria-label={t('inspections.itemResult')}
              />
            </Form.Item>
            <Form.Item name={['items', item, 'note']} noStyle>
              <Input size="small" style={{ flex: 1, minWidth: 160 }} maxLength={500} disabled={!items?.[item]?.checked} placeholder={t('inspections.itemNote')} />
            </Form.Item>
          </Flex>
        ))}
      </Flex>
      <Row gutter={16}>
        <Col xs={24} sm={18}>
          <Form.Item name="findings" label={t('inspections.findings')}>
            <Input.TextArea rows={3} maxLength={5000} data-testid="inspection-findings" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={6}>
          <Form.Item name="rating" label={t('inspections.rating')} rules={[{ required: true }]}>
            <Select options={RATINGS.map((rating) => ({ value: rating, label: t(`inspections.ratings.${rating}`) }))} data-testid="inspection-rating" />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text strong>{t('inspections.followUps')}</Typography.Text>
      <Form.List name="followUps">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8} style={{ marginTop: 8 }}>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="flex-start">
                <Form.Item name={[field.name, 'description']} rules={[{ required: true, whitespace: true, message: t('inspections.followUpRequired') }]} style={{ flex: 1, marginBottom: 0 }}>
                  <Input maxLength={1000} placeholder={t('inspections.followUpPlaceholder')} data-testid={`follow-up-${index}`} />
                </Form.Item>
                <Form.Item name={[field.name, 'dueOn']} rules={[{ required: true, message: t('inspections.dueRequired') }]} style={{ marginBottom: 0 }}>
                  <PlatformDatePicker placeholder={t('inspections.dueOn')} data-testid={`follow-up-due-${index}`} />
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} aria-label={t('inspections.removeFollowUp')} onClick={() => remove(field.name)} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ description: '', dueOn: platformToday().add(14, 'day') })} data-testid="add-follow-up">
              {t('inspections.addFollowUp')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </FormModal>
  );
}
