import { App, Col, Form, Input, Radio, Row, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Bulletin, BulletinKind } from '@shared/supervision-api-types';
import { FormModal } from '../../../app/components/FormModal';
import { useRegions } from '../../org/api/use-regions';
import { BULLETIN_KINDS, createBulletin } from '../api/bulletins.api';
import { SchoolsMultiSelect } from './SchoolsMultiSelect';
import { PlatformDatePicker } from '../../../app/PlatformDatePicker';
import { platformToday } from '../../../app/time';

interface Values {
  kind: BulletinKind;
  title: string;
  issuedOn: Dayjs;
  body: string;
  schoolIds: number[];
  countyIds: number[];
  publish: boolean;
}

/** The city bureau writes a bulletin naming schools and counties; published at once, or kept as a draft. */
export function BulletinFormModal({ onClose, onSaved }: { onClose: () => void; onSaved: (bulletin: Bulletin) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { counties } = useRegions();

  async function onSubmit(values: Values) {
    const saved = await createBulletin({
      kind: values.kind, title: values.title.trim(), body: values.body.trim(), issuedOn: values.issuedOn.format('YYYY-MM-DD'),
      schoolIds: values.schoolIds ?? [], countyIds: values.countyIds ?? [], publish: values.publish,
    });
    void message.success(values.publish ? t('bulletins.published') : t('common.saved'));
    onSaved(saved);
  }

  return (
    <FormModal<Values>
      title={t('bulletins.createTitle')}
      width={720}
      okText={t('bulletins.save')}
      onClose={onClose}
      onSubmit={onSubmit}
      initialValues={{ kind: 'commendation', issuedOn: platformToday(), schoolIds: [], countyIds: [], publish: true }}
    >
      <Row gutter={16}>
        <Col xs={24} sm={14}>
          <Form.Item name="kind" label={t('bulletins.kind')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={BULLETIN_KINDS.map((kind) => ({ value: kind, label: t(`bulletins.kinds.${kind}`) }))} data-testid="bulletin-kind" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item name="issuedOn" label={t('bulletins.issuedOn')} rules={[{ required: true }]}>
            <PlatformDatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label={t('bulletins.titleField')} rules={[{ required: true, whitespace: true, message: t('bulletins.titleRequired') }]}>
        <Input maxLength={200} data-testid="bulletin-title" />
      </Form.Item>
      <Form.Item name="body" label={t('bulletins.body')} rules={[{ required: true, whitespace: true, message: t('bulletins.bodyRequired') }]}>
        <Input.TextArea rows={6} maxLength={20000} data-testid="bulletin-body" />
      </Form.Item>
      <Form.Item name="schoolIds" label={t('bulletins.schools')}>
        <SchoolsMultiSelect data-testid="bulletin-schools" aria-label={t('bulletins.schools')} />
      </Form.Item>
      <Form.Item name="countyIds" label={t('bulletins.counties')}>
        <Select mode="multiple" allowClear options={counties.map((c) => ({ value: c.id, label: c.name }))} placeholder={t('bulletins.countiesPlaceholder')} />
      </Form.Item>
      <Form.Item name="publish" label={t('bulletins.publishNow')} valuePropName="checked" extra={t('bulletins.publishHint')}>
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
