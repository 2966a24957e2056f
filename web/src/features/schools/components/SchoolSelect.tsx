import { useEffect, useRef, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { getSchool, listSchools } from '../api/schools.api';

interface Option {
  value: number;
  label: string;
}

/**
 * Picks one school by typing part of its name (a city has hundreds): asks the server as the
 * user types, optionally within one county.
 */
export function SchoolSelect({
  value,
  onChange,
  countyId,
  placeholder,
  style,
  className,
  ...rest
}: {
  value?: number;
  onChange?: (schoolId: number | undefined) => void;
  countyId?: number;
  placeholder?: string;
  style?: React.CSSProperties;
  className?: string;
  'data-testid'?: string;
  'aria-label'?: string;
}) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const controller = useRef<AbortController | null>(null);

  function search(q: string) {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setLoading(true);
      listSchools({ q: q.trim() || undefined, countyId, page: 1, pageSize: 30 }, current.signal)
        .then((page) => setOptions(page.items.map((school) => ({ value: school.id, label: `${school.name} · ${school.countyName}` }))))
        .catch(() => undefined)
        .finally(() => {
          if (!current.signal.aborted) setLoading(false);
        });
    }, 250);
  }

  // A value from the URL (?schoolId=12) needs its name shown.
  useEffect(() => {
    if (value === undefined || options.some((option) => option.value === value)) return;
    const current = new AbortController();
    getSchool(value, current.signal)
      .then((school) => setOptions((previous) => [{ value: school.id, label: `${school.name} · ${school.countyName}` }, ...previous]))
      .catch(() => undefined);
    return () => current.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <Select<number>
      {...rest}
      showSearch={{ filterOption: false, onSearch: search }}
      allowClear
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      onOpenChange={(open) => {
        if (open && options.length <= 1) search('');
      }}
      options={options}
      loading={loading}
      placeholder={placeholder ?? t('people.schoolPlaceholder')}
      notFoundContent={loading ? t('app.loading') : t('common.empty')}
      style={style}
      className={className}
    />
  );
}
