import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

export interface PasswordValues {
  password: string;
  confirm: string;
}

/** Password and its confirmation, with the policy spelled out (the server checks it). */
export function PasswordFields({ label }: { label: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="password"
        label={label}
        extra={t('people.passwordPolicy')}
        rules={[{ required: true, message: t('people.passwordRequired') }]}
      >
        <Input.Password autoComplete="new-password" maxLength={64} />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('people.confirmPassword')}
        dependencies={['password']}
        rules={[
          { required: true, message: t('people.passwordRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue('password') === value ? Promise.resolve() : Promise.reject(new Error(t('people.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={64} />
      </Form.Item>
    </>
  );
}
