import { useState } from 'react';
import { Alert, App, Button, Card, Drawer, Flex, Form, Input, InputNumber, Popconfirm, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Rubric, RubricDefinitionShape, RubricInput, RubricLevel } from '@shared/research-rubrics-types';
import { useErrorText } from '../../../api/error-text';
import { archiveRubric, copyRubric, createRubric, publishRubric, updateRubric } from '../api/rubrics.api';

const KEY = /^[a-z][a-z0-9_]{0,39}$/;

const fourLevels = (): RubricLevel[] => [
  { score: 4, label: '优', descriptor: '' }, { score: 3, label: '良', descriptor: '' },
  { score: 2, label: '中', descriptor: '' }, { score: 1, label: '差', descriptor: '' },
];

/** What a new rubric starts from: one dimension, one item, four levels (the editor never shows an empty sheet). */
export function starterRubric(): RubricInput {
  return {
    name: '', description: '',
    definition: { dimensions: [{ key: 'goals', name: '教学目标', items: [{ key: 'goal_clear', text: '', weight: 1, levels: fourLevels() }] }] },
  };
}

/** A key not yet used in the definition: item_2, item_3… */
function freshKey(def: RubricDefinitionShape | undefined, prefix: string): string {
  const used = new Set((def?.dimensions ?? []).flatMap((d) => [d.key, ...(d.items ?? []).map((i) => i?.key)]));
  for (let n = 1; ; n++) if (!used.has(`${prefix}_${n}`)) return `${prefix}_${n}`;
}

/**
 * The rubric editor in a drawer: name, description, dimensions → items (key, text, weight) →
 * levels (score, label, descriptor). Read-only where the caller may not change the rubric
 * (another bureau's, archived, or published and already scored on). The server checks the
 * definition and names the item at fault; its message shows above the form.
 */
export function RubricEditor({ rubric, onClose, onChanged }: {
  /** null: a new rubric. */
  rubric: Rubric | null;
  onClose: () => void;
  /** After a save, publish, archive or copy: the rubric as it now is (for a copy, the copy). */
  onChanged: (rubric: Rubric) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<RubricInput>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const editable = !rubric || (rubric.canWrite && rubric.status !== 'archived' && !rubric.locked);
  const definition = Form.useWatch('definition', form);
  const maxTotal = (definition?.dimensions ?? []).flatMap((d) => d?.items ?? [])
    .reduce((sum, i) => sum + (Number(i?.weight) || 0) * Math.max(0, ...(i?.levels ?? []).map((l) => Number(l?.score) || 0)), 0);

  async function run(action: () => Promise<Rubric>, done?: (r: Rubric) => string) {
    setBusy(true);
    setError(null);
    try {
      const saved = await action();
      if (done) void message.success(done(saved));
      onChanged(saved);
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  }

  const save = (values: RubricInput) => run(() => (rubric ? updateRubric(rubric.id, values) : createRubric(values)), () => t('common.saved'));

  const title = !rubric ? t('researchRubrics.createTitle') : editable ? t('researchRubrics.editTitle') : t('researchRubrics.viewTitle');
  return (
    <Drawer
      open
      size={960}
      title={(
        <Flex gap={8} align="center" wrap>
          <span>{title}</span>
          {rubric ? <Tag>{t('researchRubrics.version', { version: rubric.version })}</Tag> : null}
          {rubric ? <Tag color={rubric.status === 'published' ? 'green' : rubric.status === 'draft' ? 'blue' : 'default'}>{t(`researchRubrics.statuses.${rubric.status}`)}</Tag> : null}
        </Flex>
      )}
      onClose={onClose}
      destroyOnHidden
      extra={(
        <Space wrap>
          {rubric && rubric.canWrite && rubric.status === 'draft' ? (
            <Popconfirm title={t('researchRubrics.publishConfirm')} onConfirm={() => run(() => publishRubric(rubric.id), () => t('researchRubrics.publishedMessage'))}>
              <Button loading={busy} data-testid="rubric-publish">{t('researchRubrics.publish')}</Button>
            </Popconfirm>
          ) : null}
          {rubric ? (
            <Button loading={busy} onClick={() => run(() => copyRubric(rubric.id), (r) => t('researchRubrics.copied', { version: r.version }))} data-testid="rubric-copy">
              {t('researchRubrics.copy')}
            </Button>
          ) : null}
          {rubric && rubric.canWrite && rubric.status !== 'archived' ? (
            <Popconfirm title={t('researchRubrics.archiveConfirm')} okButtonProps={{ danger: true }} onConfirm={() => run(() => archiveRubric(rubric.id), () => t('researchRubrics.archivedMessage'))}>
              <Button danger loading={busy}>{t('researchRubrics.archive')}</Button>
            </Popconfirm>
          ) : null}
          {editable ? <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="rubric-save">{t('common.save')}</Button> : null}
        </Space>
      )}
    >
      {rubric?.locked && rubric.canWrite ? <Alert type="info" showIcon title={t('researchRubrics.locked', { count: rubric.scoreCount })} style={{ marginBottom: 12 }} /> : null}
      {rubric && !rubric.canWrite ? <Alert type="info" showIcon title={t('researchRubrics.readOnly', { owner: rubric.owner.name })} style={{ marginBottom: 12 }} /> : null}
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} data-testid="rubric-error" /> : null}
      <Form<RubricInput>
        form={form}
        layout="vertical"
        disabled={!editable}
        initialValues={rubric ? { name: rubric.name, description: rubric.description, definition: rubric.definition } : starterRubric()}
        onFinish={(values) => void save(values)}
      >
        <Flex gap={12} wrap>
          <Form.Item name="name" label={t('researchRubrics.name')} rules={[{ required: true, whitespace: true, message: t('researchRubrics.required') }]} style={{ flex: '1 1 280px' }}>
            <Input maxLength={100} data-testid="rubric-name" />
          </Form.Item>
          <Form.Item label={' '} style={{ flex: '0 0 auto' }}>
            <Typography.Text type="secondary">{t('researchRubrics.maxTotal', { total: Math.round(maxTotal * 100) / 100 })}</Typography.Text>
          </Form.Item>
        </Flex>
        <Form.Item name="description" label={t('researchRubrics.description')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Form.List name={['definition', 'dimensions']}>
          {(dimensions, dimensionOps) => (
            <Flex vertical gap={12}>
              {dimensions.map((dimension) => (
                <Card
                  key={dimension.key}
                  size="small"
                  title={(
                    <Flex gap={8} align="center">
                      <Form.Item name={[dimension.name, 'name']} rules={[{ required: true, whitespace: true, message: t('researchRubrics.required') }]} noStyle>
                        <Input placeholder={t('researchRubrics.dimensionName')} maxLength={50} style={{ maxWidth: 220 }} />
                      </Form.Item>
                      <Form.Item name={[dimension.name, 'key']} rules={[{ pattern: KEY, message: t('researchRubrics.keyInvalid') }]} noStyle>
                        <Input placeholder={t('researchRubrics.key')} maxLength={40} style={{ maxWidth: 160 }} />
                      </Form.Item>
                    </Flex>
                  )}
                  extra={editable ? <Button type="text" danger icon={<DeleteOutlined />} onClick={() => dimensionOps.remove(dimension.name)} aria-label={t('researchRubrics.removeDimension')} /> : null}
                >
                  <Form.List name={[dimension.name, 'items']}>
                    {(items, itemOps) => (
                      <Flex vertical gap={12}>
                        {items.map((item) => (
                          <Card key={item.key} size="small" type="inner">
                            <Flex gap={8} wrap align="start">
                              <Form.Item name={[item.name, 'text']} label={t('researchRubrics.itemText')} rules={[{ required: true, whitespace: true, message: t('researchRubrics.required') }]} style={{ flex: '1 1 300px', marginBottom: 8 }}>
                                <Input maxLength={200} />
                              </Form.Item>
                              <Form.Item name={[item.name, 'key']} label={t('researchRubrics.key')} tooltip={t('researchRubrics.keyHint')} rules={[{ pattern: KEY, message: t('researchRubrics.keyInvalid') }]} style={{ width: 160, marginBottom: 8 }}>
                                <Input maxLength={40} />
                              </Form.Item>
                              <Form.Item name={[item.name, 'weight']} label={t('researchRubrics.weight')} rules={[{ required: true, message: t('researchRubrics.required') }]} style={{ width: 100, marginBottom: 8 }}>
                                <InputNumber min={0} max={100} step={0.5} style={{ width: '100%' }} />
                              </Form.Item>
                              {editable ? <Button type="text" danger icon={<DeleteOutlined />} style={{ marginTop: 30 }} onClick={() => itemOps.remove(item.name)} aria-label={t('researchRubrics.remove')} /> : null}
                            </Flex>
                            <Typography.Text type="secondary">{t('researchRubrics.levels')}</Typography.Text>
                            <Form.List name={[item.name, 'levels']}>
                              {(levels, levelOps) => (
                                <Flex vertical gap={4} style={{ marginTop: 4 }}>
                                  {levels.map((level) => (
                                    <Flex key={level.key} gap={6} align="start">
                                      <Form.Item name={[level.name, 'score']} rules={[{ required: true, message: t('researchRubrics.required') }]} style={{ width: 80, marginBottom: 0 }}>
                                        <InputNumber min={0} max={1000} placeholder={t('researchRubrics.levelScore')} style={{ width: '100%' }} />
                                      </Form.Item>
                                      <Form.Item name={[level.name, 'label']} rules={[{ required: true, whitespace: true, message: t('researchRubrics.required') }]} style={{ width: 90, marginBottom: 0 }}>
                                        <Input maxLength={20} placeholder={t('researchRubrics.levelLabel')} />
                                      </Form.Item>
                                      <Form.Item name={[level.name, 'descriptor']} style={{ flex: 1, marginBottom: 0 }}>
                                        <Input maxLength={500} placeholder={t('researchRubrics.levelDescriptor')} />
                                      </Form.Item>
                                      {editable ? <Button type="text" icon={<DeleteOutlined />} onClick={() => levelOps.remove(level.name)} aria-label={t('researchRubrics.remove')} /> : null}
                                    </Flex>
                                  ))}
                                  {editable ? (
                                    <Button type="dashed" size="small" icon={<PlusOutlined />} style={{ alignSelf: 'flex-start' }}
                                      onClick={() => levelOps.add({ score: 0, label: '', descriptor: '' })}>{t('researchRubrics.addLevel')}</Button>
                                  ) : null}
                                </Flex>
                              )}
                            </Form.List>
                          </Card>
                        ))}
                        {editable ? (
                          <Button type="dashed" icon={<PlusOutlined />} data-testid="rubric-add-item"
                            onClick={() => itemOps.add({ key: freshKey(form.getFieldValue('definition'), 'item'), text: '', weight: 1, levels: fourLevels() })}>
                            {t('researchRubrics.addItem')}
                          </Button>
                        ) : null}
                      </Flex>
                    )}
                  </Form.List>
                </Card>
              ))}
              {editable ? (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => dimensionOps.add({
                  key: freshKey(form.getFieldValue('definition'), 'dimension'), name: '',
                  items: [{ key: freshKey(form.getFieldValue('definition'), 'item'), text: '', weight: 1, levels: fourLevels() }],
                })}>
                  {t('researchRubrics.addDimension')}
                </Button>
              ) : null}
            </Flex>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
