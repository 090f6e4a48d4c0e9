import type { Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Page, PageQuery } from '@pioneer/shared-types';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

// class-validator runs the decorator nearest the property first, and stops there on failure (stopAtFirstError): DTOs
// list checks from the most specific (top) to the most basic (bottom, e.g. IsDefined), so each field reports the
// message that fits, such as 请填写… for a missing value rather than 不能超过… .

/** page / pageSize from the query string; list query DTOs extend it. */
export class PageQueryDto implements PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @Max(100_000, { message: 'page 太大' })
  @Min(1, { message: 'page 应为正整数' })
  @IsInt({ message: 'page 应为正整数' })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @Max(MAX_PAGE_SIZE, { message: `pageSize 不能超过 ${MAX_PAGE_SIZE}` })
  @Min(1, { message: 'pageSize 应为正整数' })
  @IsInt({ message: 'pageSize 应为正整数' })
  pageSize?: number;
}

/** An OpenAPI schema for Page<Item>; Swagger cannot read generics, so each page type is its own named class. */
export function pageDtoOf<T>(item: ClassType<T>, name: string): ClassType<Page<T>> {
  class PageDto implements Page<T> {
    @ApiProperty({ type: [item] }) items: T[];
    @ApiProperty() page: number;
    @ApiProperty() pageSize: number;
    @ApiProperty() total: number;
  }
  Object.defineProperty(PageDto, 'name', { value: name });
  return PageDto;
}
