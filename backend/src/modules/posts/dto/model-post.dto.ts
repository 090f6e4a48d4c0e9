import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MODEL_POST_STATES,
  type ModelPostInput,
  type ModelPostListQuery,
  type ModelPostState,
  type ModelPostUpdate,
  type ModelPostView,
  type Page,
} from '@pioneer/shared-types';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Trim } from '../../org/dto/transforms.js';

export const NAME_MAX = 100;
export const PLACE_MAX = 200;
export const HOLDERS_MAX = 50;
export const MAX_PAGE_SIZE = 100;

export class CreateModelPostDto implements ModelPostInput {
  @ApiProperty({ maxLength: NAME_MAX, description: '示范岗名称' })
  @Trim()
  @IsString({ message: '请填写示范岗名称' })
  @MinLength(2, { message: '示范岗名称至少 2 个字' })
  @MaxLength(NAME_MAX, { message: `示范岗名称不能超过 ${NAME_MAX} 个字` })
  name: string;

  @ApiProperty({ maxLength: PLACE_MAX, description: '岗位地点' })
  @Trim()
  @IsString({ message: '请填写岗位地点' })
  @MinLength(2, { message: '岗位地点至少 2 个字' })
  @MaxLength(PLACE_MAX, { message: `岗位地点不能超过 ${PLACE_MAX} 个字` })
  place: string;

  @ApiProperty({ description: '设岗单位' })
  @IsUUID('all', { message: '请选择设岗单位' })
  unitId: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: '所在社区（可不填）' })
  @IsOptional()
  @IsUUID('all', { message: '社区编号无效' })
  communityId?: string | null;

  @ApiProperty({ type: [String], description: '上岗党员（须是本单位党员）' })
  @IsArray({ message: '请选择上岗党员' })
  @ArrayMinSize(1, { message: '至少选择一名上岗党员' })
  @ArrayMaxSize(HOLDERS_MAX, { message: `上岗党员最多 ${HOLDERS_MAX} 名` })
  @ArrayUnique({ message: '上岗党员不能重复' })
  @IsUUID('all', { each: true, message: '上岗党员编号无效' })
  holderIds: string[];
}

export class UpdateModelPostDto implements ModelPostUpdate {
  @ApiPropertyOptional({ maxLength: NAME_MAX })
  @IsOptional()
  @Trim()
  @IsString({ message: '示范岗名称应为文字' })
  @MinLength(2, { message: '示范岗名称至少 2 个字' })
  @MaxLength(NAME_MAX, { message: `示范岗名称不能超过 ${NAME_MAX} 个字` })
  name?: string;

  @ApiPropertyOptional({ maxLength: PLACE_MAX })
  @IsOptional()
  @Trim()
  @IsString({ message: '岗位地点应为文字' })
  @MinLength(2, { message: '岗位地点至少 2 个字' })
  @MaxLength(PLACE_MAX, { message: `岗位地点不能超过 ${PLACE_MAX} 个字` })
  place?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: '传 null 表示不属于具体社区' })
  @IsOptional()
  @IsUUID('all', { message: '社区编号无效' })
  communityId?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray({ message: '上岗党员应为列表' })
  @ArrayMinSize(1, { message: '至少保留一名上岗党员' })
  @ArrayMaxSize(HOLDERS_MAX, { message: `上岗党员最多 ${HOLDERS_MAX} 名` })
  @ArrayUnique({ message: '上岗党员不能重复' })
  @IsUUID('all', { each: true, message: '上岗党员编号无效' })
  holderIds?: string[];
}

export class ModelPostListQueryDto implements ModelPostListQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: '单位编号无效' })
  unitId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: '社区编号无效' })
  communityId?: string;

  @ApiPropertyOptional({ enum: MODEL_POST_STATES, description: 'active 在岗；ended 已撤销；不填为全部' })
  @IsOptional()
  @IsIn(MODEL_POST_STATES, { message: '状态只能是 active（在岗）或 ended（已撤销）' })
  state?: ModelPostState;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码应为整数' })
  @Min(1, { message: '页码应从 1 开始' })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '每页条数应为整数' })
  @Min(1, { message: '每页至少 1 条' })
  @Max(MAX_PAGE_SIZE, { message: `每页最多 ${MAX_PAGE_SIZE} 条` })
  pageSize?: number;
}

class RefDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export class ModelPostViewDto implements ModelPostView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() place: string;
  @ApiProperty({ type: RefDto }) unit: RefDto;
  @ApiProperty({ type: RefDto, nullable: true }) community: RefDto | null;
  @ApiProperty({ type: [RefDto] }) holders: RefDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) endedAt: string | null;
}

export class ModelPostPageDto implements Page<ModelPostView> {
  @ApiProperty({ type: [ModelPostViewDto] }) items: ModelPostViewDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}
