import { DatePicker, type DatePickerProps } from 'antd';
import dayjsGenerateConfig from '@rc-component/picker/generate/dayjs';
import dayjs, { type Dayjs } from 'dayjs';
import { fromWallClock, platformTime, toWallClock } from './time';

/**
 * antd's DatePicker and RangePicker, with "now" (today's cell, the Now button) taken in
 * Asia/Shanghai rather than the browser's zone. Their values are wall-clock days and times
 * (see time.ts): use them as they are for calendar dates ('YYYY-MM-DD'), and InstantPicker for
 * a moment in time.
 */
export const PlatformDatePicker = DatePicker.generatePicker<Dayjs>({
  ...dayjsGenerateConfig,
  getNow: () => dayjs(platformTime().format('YYYY-MM-DDTHH:mm:ss.SSS')),
});

type InstantPickerProps = Omit<DatePickerProps, 'value' | 'defaultValue' | 'onChange' | 'picker' | 'multiple'> & {
  /** The instant (any zone); shown as Asia/Shanghai time. */
  value?: Dayjs | null;
  /** The picked Asia/Shanghai time as an instant (`format()` gives +08:00), or null when cleared. */
  onChange?: (instant: Dayjs | null) => void;
};

/** A date-and-time picker for instants, in Asia/Shanghai whatever the browser's zone; fits a Form.Item. */
export function InstantPicker({ value, onChange, ...rest }: InstantPickerProps) {
  return (
    <PlatformDatePicker
      {...rest}
      value={value ? toWallClock(value) : value}
      onChange={(wall: Dayjs | null) => onChange?.(wall ? fromWallClock(wall) : null)}
    />
  );
}
