// Test data and input helpers for the suggestions pages' Jest tests; never imported by product code.
import { fireEvent } from '@testing-library/react';
import type { Page, SuggestionView } from '@pioneer/shared-types';

export function suggestionFixture(overrides: Partial<SuggestionView> = {}): SuggestionView {
  return {
    id: 's1',
    content: '希望社区活动能多安排在周末。',
    anonymous: false,
    status: 'submitted',
    reply: null,
    repliedAt: null,
    createdAt: '2025-03-08T06:05:00.000Z',
    authorName: null,
    ...overrides,
  };
}

export function pageOf<T>(items: T[], page = 1, pageSize = 10, total = items.length): Page<T> {
  return { items, page, pageSize, total };
}

/** Types into a NutUI TextArea: the H5 <taro-textarea-core> element reports input as a custom event with detail.value. */
export function typeIntoTextArea(container: HTMLElement, className: string, value: string): void {
  const element = container.querySelector(`.${className} taro-textarea-core`);
  if (!element) throw new Error(`no text area inside .${className}`);
  fireEvent(element, new CustomEvent('input', { detail: { value } }));
}

/** Types into a NutUI Input (a plain <input> in the H5 components). */
export function typeIntoInput(container: HTMLElement, className: string, value: string): void {
  const element = container.querySelector(`.${className} input`);
  if (!element) throw new Error(`no input inside .${className}`);
  fireEvent.input(element, { target: { value } });
}
