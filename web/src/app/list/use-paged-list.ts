import type { TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Page } from '@shared/api-types';
import type { QueryValue } from '../../api/client';
import { useApi, type ApiState } from '../../api/use-api';
import { readPaging, usePatchSearchParams } from '../search-params';

export interface PagedList<F, T> extends ApiState<Page<T>> {
  params: URLSearchParams;
  filters: F;
  page: number;
  pageSize: number;
  /** Changes URL parameters (a filter change goes back to page 1). */
  patch: (patch: Record<string, QueryValue>) => void;
  /** The Table's pagination, writing page and size to the URL. */
  pagination: TablePaginationConfig;
}

/**
 * A paginated list whose filters, page and page size live in the URL (bookmarkable, survives the
 * back button). Loads again only when filters or paging change, not when another parameter does
 * (an open drawer's `?person=12`).
 */
export function usePagedList<F extends object, T>(options: {
  readFilters: (params: URLSearchParams) => F;
  load: (query: F & { page: number; pageSize: number }, signal: AbortSignal) => Promise<Page<T>>;
  defaultPageSize?: number;
}): PagedList<F, T> {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const patch = usePatchSearchParams();
  const defaultPageSize = options.defaultPageSize ?? 20;
  const filters = options.readFilters(params);
  const { page, pageSize } = readPaging(params, defaultPageSize);
  const state = useApi((signal) => options.load({ ...filters, page, pageSize }, signal), [JSON.stringify(filters), page, pageSize]);

  const pagination: TablePaginationConfig = {
    current: page,
    pageSize,
    total: state.data?.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [20, 50, 100],
    showTotal: (total) => t('common.total', { total }),
    onChange: (nextPage, nextSize) =>
      patch({ page: nextPage === 1 ? undefined : nextPage, pageSize: nextSize === defaultPageSize ? undefined : nextSize }),
  };
  return { ...state, params, filters, page, pageSize, patch, pagination };
}
