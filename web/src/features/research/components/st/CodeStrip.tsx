import { useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { UNCODED } from '@shared/st-analysis';
import { formatDuration } from '../../../recordings/components/RecordingState';
import { CODE_COLORS } from './st-chart-options';

export type Code = 'T' | 'S' | 'D' | '-';
const CODES: Code[] = ['T', 'S', 'D', '-'];

/**
 * A coding as a strip of cells, one per sample (sample i at i × interval on the lesson clock),
 * coloured by code; the sample now playing is outlined. With `onChange`, clicking a cell offers
 * the four codes for it; `onSeek` (optional) jumps the player to the cell's moment too.
 */
export function CodeStrip({
  codes, intervalSeconds, length, current = null, onChange, onSeek, testId,
}: {
  codes: string;
  intervalSeconds: number;
  /** Cells to show (at least the codes' length). */
  length?: number;
  current?: number | null;
  onChange?: (index: number, code: Code) => void;
  onSeek?: (index: number) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<number | null>(null);
  const cells = Math.max(codes.length, length ?? 0);
  const timeOf = (i: number) => formatDuration(i * intervalSeconds);
  const codeOf = (i: number) => (codes[i] ?? UNCODED) as Code;

  return (
    <Flex vertical gap={6}>
      <div className="st-strip" data-testid={testId} data-codes={codes} style={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
        {Array.from({ length: cells }, (_, i) => {
          const code = codeOf(i);
          return (
            <button
              type="button"
              key={i}
              data-index={i}
              data-code={code}
              title={t('researchSt.cellTitle', { time: timeOf(i), code: t(`researchSt.codes.${code}`) })}
              aria-label={t('researchSt.cellTitle', { time: timeOf(i), code: t(`researchSt.codes.${code}`) })}
              onClick={onChange ? () => { setPicked(i); onSeek?.(i); } : undefined}
              disabled={!onChange}
              style={{
                width: 14, height: 22, padding: 0, border: 'none', borderRadius: 2, background: CODE_COLORS[code],
                color: '#fff', fontSize: 9, lineHeight: '22px', cursor: onChange ? 'pointer' : 'default',
                outline: i === current ? '2px solid #262626' : i === picked ? '2px dashed #262626' : undefined, outlineOffset: 1,
              }}
            >
              {code === UNCODED ? '' : code}
            </button>
          );
        })}
      </div>
      {onChange && picked !== null ? (
        <Flex gap={6} align="center" wrap data-testid={testId ? `${testId}-edit` : undefined}>
          <Typography.Text type="secondary">{t('researchSt.setCell', { time: timeOf(picked) })}</Typography.Text>
          {CODES.map((code) => (
            <Button
              key={code}
              size="small"
              data-set-code={code}
              style={{ borderColor: CODE_COLORS[code], color: code === UNCODED ? undefined : CODE_COLORS[code] }}
              onClick={() => { onChange(picked, code); setPicked(null); }}
            >
              {t(`researchSt.codes.${code}`)}
            </Button>
          ))}
        </Flex>
      ) : null}
    </Flex>
  );
}
