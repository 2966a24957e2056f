import { useEffect } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { getSchool } from '../api/schools.api';
import { schoolOption, useSchoolSearch } from './use-school-search';

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
  const { options, setOptions, loading, search } = useSchoolSearch(countyId);

  // A value from the URL (?schoolId=12) needs its name shown.
  useEffect(() => {
    if (value === undefined || options.some((option) => option.value === value)) return;
    const current = new AbortController();
    getSchool(value, current.signal)
      .then((school) => setOptions((previous) => [schoolOption(school), ...previous]))
      .catch(() => undefined);
    return () => current.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

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
