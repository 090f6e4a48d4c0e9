import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { type BranchView, UNIT_KINDS, type UnitInput, type UnitKind, type UnitListQuery, type UnitView } from '@pioneer/shared-types';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto, pageDtoOf } from '../../../common/http/page-query.dto.js';
import { Trim, TrimToNull } from './transforms.js';

const KIND_MESSAGE = '单位类型须为 机关、企业、事业 或 其他';

export class CreateUnitDto implements UnitInput {
  @ApiProperty({ maxLength: 100, example: '区委组织部' })
  @Trim()
  @MaxLength(100, { message: '单位名称不能超过 100 个字' })
  @IsNotEmpty({ message: '请填写单位名称' })
  @IsString({ message: '单位名称应为文字' })
  @IsDefined({ message: '请填写单位名称' })
  name: string;

  @ApiProperty({ enum: UNIT_KINDS, description: 'government 机关 / enterprise 企业 / institution 事业 / other 其他' })
  @IsIn(UNIT_KINDS, { message: KIND_MESSAGE })
  kind: UnitKind;

  /** Upper-cased, so the same code cannot be entered twice in different case (MySQL and SQLite compare differently). */
  @ApiProperty({ maxLength: 40, example: 'JG001', description: 'Letters, digits, - and _; stored upper-case.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(/^[A-Z0-9_-]{1,40}$/, { message: '单位代码只能包含字母、数字、- 和 _，且不超过 40 位' })
  @IsString({ message: '请填写单位代码' })
  code: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100, description: '党建品牌名称' })
  @TrimToNull()
  @IsOptional()
  @MaxLength(100, { message: '党建品牌名称不能超过 100 个字' })
  @IsString({ message: '党建品牌名称应为文字' })
  brandName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000, description: '党建品牌介绍' })
  @TrimToNull()
  @IsOptional()
  @MaxLength(2000, { message: '党建品牌介绍不能超过 2000 个字' })
  @IsString({ message: '党建品牌介绍应为文字' })
  brandIntro?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Branch names; on update the list replaces the branches.' })
  @Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? v.trim() : v)) : value,
  )
  @IsOptional()
  @ArrayUnique({ message: '支部名称不能重复' })
  @MaxLength(100, { each: true, message: '支部名称不能超过 100 个字' })
  @IsNotEmpty({ each: true, message: '支部名称不能为空' })
  @IsString({ each: true, message: '支部名称应为文字' })
  @ArrayMaxSize(200, { message: '一个单位最多 200 个支部' })
  @IsArray({ message: '支部应为名称列表' })
  branches?: string[];
}

export class UpdateUnitDto extends PartialType(CreateUnitDto) implements Partial<UnitInput> {}

export class UnitListQueryDto extends PageQueryDto implements UnitListQuery {
  @ApiPropertyOptional({ description: 'Part of the name, or the exact code' })
  @Trim()
  @IsOptional()
  @MaxLength(100, { message: '搜索内容太长' })
  @IsString()
  q?: string;

  @ApiPropertyOptional({ enum: UNIT_KINDS })
  @IsOptional()
  @IsIn(UNIT_KINDS, { message: KIND_MESSAGE })
  kind?: UnitKind;
}

export class BranchViewDto implements BranchView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export class UnitViewDto implements UnitView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind: UnitKind;
  @ApiProperty() code: string;
  @ApiProperty({ type: String, nullable: true }) brandName: string | null;
  @ApiProperty({ type: String, nullable: true }) brandIntro: string | null;
  @ApiProperty({ type: [BranchViewDto] }) branches: BranchViewDto[];
  @ApiProperty({ description: 'Members on the roster now (invited or active)' }) memberCount: number;
}

export const UnitPageDto = pageDtoOf(UnitViewDto, 'UnitPageDto');
