import { App, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { LOCALITIES } from '@shared/domain';
import type { School, SchoolPatch } from '@shared/api-types';
import { FormModal } from '../../../app/components/FormModal';
import { updateSchool } from '../api/schools.api';

type EditableFields = Pick<
  School,
  'name' | 'township' | 'locality' | 'poorVillage' | 'studentCount' | 'staffCount' | 'address' | 'contactName' | 'contactPhone'
>;

/** Edits a school's record (school:write); code, kind and county are fixed (PATCH accepts the rest). */
export function SchoolEditModal({ school, onClose, onSaved }: { school: School; onClose: () => void; onSaved: (school: School) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  async function onSubmit(values: EditableFields) {
    // Send only what changed, so two people editing different fields do not undo each other.
    const patch: SchoolPatch = {};
    for (const [key, value] of Object.entries(values) as [keyof EditableFields, unknown][]) {
      if (value !== school[key]) Object.assign(patch, { [key]: value });
    }
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    const updated = await updateSchool(school.id, patch);
    void message.success(t('common.saved'));
    onSaved(updated);
  }

  return (
    <FormModal<EditableFields> title={t('schools.editTitle')} onClose={onClose} onSubmit={onSubmit} initialValues={school} width={640}>
      <Form.Item name="name" label={t('schools.name')} rules={[{ required: true, whitespace: true, min: 2, message: t('schools.nameRequired') }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="township" label={t('schools.township')} rules={[{ required: true, whitespace: true, message: t('schools.townshipRequired') }]}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={12}>
          <Form.Item name="locality" label={t('schools.locality')}>
            <Select options={LOCALITIES.map((locality) => ({ value: locality, label: t(`localities.${locality}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={12}>
          <Form.Item name="poorVillage" label={t('schools.poorVillage')} valuePropName="checked">
            <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={12}>
          <Form.Item name="studentCount" label={t('schools.studentCount')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={12}>
          <Form.Item name="staffCount" label={t('schools.staffCount')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="contactName" label={t('schools.contactName')}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="contactPhone"
            label={t('schools.contactPhone')}
            rules={[{ pattern: /^[0-9+\- ]{0,20}$/, message: t('schools.phoneInvalid') }]}
          >
            <Input maxLength={20} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="address" label={t('schools.address')}>
        <Input maxLength={120} />
      </Form.Item>
    </FormModal>
  );
}
