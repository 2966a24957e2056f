import { Flex, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CONSENT_LEVELS, type ConsentLevel } from '@shared/resources';

/** The four consent levels as radios, each with what it means in plain words. */
export function ConsentLevelPicker({ value, onChange, disabled }: { value: ConsentLevel; onChange: (level: ConsentLevel) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Radio.Group value={value} onChange={(e) => onChange(e.target.value as ConsentLevel)} disabled={disabled} data-testid="consent-levels">
      <Flex vertical gap={8}>
        {CONSENT_LEVELS.map((level) => (
          <Radio key={level} value={level} data-testid={`consent-level-${level}`}>
            <Typography.Text strong>{t(`consent.levels.${level}`)}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>{t(`consent.levelHelp.${level}`)}</Typography.Text>
          </Radio>
        ))}
      </Flex>
    </Radio.Group>
  );
}
