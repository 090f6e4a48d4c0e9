import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { stacked } from './stacked.js';

/** `?year=`: a calendar year 2000–2100; when absent the service reads this year. */
export const YearQuery = (): PropertyDecorator =>
  stacked(
    ApiPropertyOptional({ description: '年份，默认今年' }),
    IsOptional(),
    Type(() => Number),
    Max(2100, { message: '年份无效' }),
    Min(2000, { message: '年份无效' }),
    IsInt({ message: '年份无效' }),
  );
