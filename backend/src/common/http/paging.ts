import type { Page, PageQuery } from '@pioneer/shared-types';
import { DEFAULT_PAGE_SIZE } from './page-query.dto.js';

export interface PageWindow {
  page: number;
  pageSize: number;
  skip: number;
  take: number;
}

export function pageWindow(query: PageQuery): PageWindow {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  return { page, pageSize, skip: (page - 1) * pageSize, take: pageSize };
}

export function toPage<T>(items: T[], total: number, window: PageWindow): Page<T> {
  return { items, page: window.page, pageSize: window.pageSize, total };
}

/** For LIKE '%…%' searches: the user's % and _ match themselves (paired with ESCAPE '!'). */
export function likeContains(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
