import { useState, type ReactNode } from 'react';
import { Alert, Form, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../api/error-text';

/**
 * A dialog holding one form: OK submits it, the button spins while `onSubmit` runs, and a failure
 * shows the server's reason above the form (the dialog stays open to fix it). `onSubmit` saves
 * and then closes the dialog through the caller's state.
 */
export function FormModal<V extends object>({
  title,
  onClose,
  onSubmit,
  children,
  initialValues,
  form: givenForm,
  okText,
  width,
  autoComplete,
}: {
  title: ReactNode;
  onClose: () => void;
  onSubmit: (values: V) => Promise<void>;
  children: ReactNode;
  initialValues?: Partial<V>;
  /** Only when the caller needs the instance (to set or watch fields). */
  form?: FormInstance<V>;
  okText?: ReactNode;
  width?: number;
  autoComplete?: 'off';
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [ownForm] = Form.useForm<V>();
  const form = givenForm ?? ownForm;
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function onFinish(values: V) {
    setSaving(true);
    setError(null);
    try {
      await onSubmit(values);
    } catch (reason) {
      setError(reason);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={title}
      okText={okText ?? t('common.save')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={width}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish} autoComplete={autoComplete}>
        {children}
      </Form>
    </Modal>
  );
}
