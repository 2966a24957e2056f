import { Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** The longest query the server answers (search.service.ts MAX_QUERY_CHARS). */
export const MAX_QUERY_CHARS = 50;

/**
 * A compact search box (for the library page's header): Enter opens /resources/search with the
 * query, or calls `onSearch` when the page handles the query itself.
 */
export function ResourceSearchBox({ defaultValue, onSearch, width = 320 }: { defaultValue?: string; onSearch?: (q: string) => void; width?: number | string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Input.Search
      key={defaultValue}
      defaultValue={defaultValue}
      allowClear
      enterButton
      maxLength={MAX_QUERY_CHARS}
      placeholder={t('resourceSearch.placeholder')}
      aria-label={t('resourceSearch.boxLabel')}
      style={{ width }}
      onSearch={(value) => {
        const q = value.trim();
        if (!q) return;
        if (onSearch) onSearch(q);
        else navigate(`/resources/search?q=${encodeURIComponent(q)}`);
      }}
    />
  );
}
