import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { MatterInput, MatterListQuery, MatterPage, MatterUpdate, MatterView } from '@pioneer/shared-types';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../../../common/http/page-query.dto.js';
import { DAY, trim } from '../../../common/http/text-fields.js';

export const TITLE_MAX = 60;
export const DESCRIPTION_MAX = 1000;
export const VILLAGE_MAX = 60;
export const LINKS_MAX = 20;
export const BENEFICIARIES_MAX = 100000;


export class MatterUpdateDto implements MatterUpdate {
  @ApiPropertyOptional({ maxLength: TITLE_MAX, description: '实事名称' })
  @Transform(trim)
  @IsOptional()
  @MaxLength(TITLE_MAX, { message: `实事名称不能超过 ${TITLE_MAX} 个字` })
  @MinLength(1, { message: '请填写实事名称' })
  @IsString({ message: '请填写实事名称' })
  title?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '办理的单位' })
  @IsOptional()
  @IsUUID('all', { message: '单位编号格式不正确' })
  unitId?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: '所在社区；与村组至多填一项' })
  @IsOptional()
  @IsUUID('all', { message: '社区编号格式不正确' })
  communityId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: VILLAGE_MAX, description: '所在村组' })
  @Transform(trim)
  @IsOptional()
  @MaxLength(VILLAGE_MAX, { message: `村组不能超过 ${VILLAGE_MAX} 个字` })
  @IsString({ message: '村组应为文字' })
  village?: string | null;

  @ApiPropertyOptional({ example: '2026-03-01', description: '办成日期（北京时间），不能晚于今天' })
  @IsOptional()
  @Matches(DAY, { message: '办成日期格式应为 YYYY-MM-DD' })
  @IsString({ message: '请填写办成日期' })
  doneOn?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: BENEFICIARIES_MAX, description: '惠及群众人数' })
  @IsOptional()
  @Max(BENEFICIARIES_MAX, { message: `惠及人数不能超过 ${BENEFICIARIES_MAX}` })
  @Min(1, { message: '惠及人数至少为 1' })
  @IsInt({ message: '惠及人数应为整数' })
  beneficiaries?: number;

  @ApiPropertyOptional({ maxLength: DESCRIPTION_MAX, description: '办理情况' })
  @Transform(trim)
  @IsOptional()
  @MaxLength(DESCRIPTION_MAX, { message: `办理情况不能超过 ${DESCRIPTION_MAX} 个字` })
  @MinLength(1, { message: '请填写办理情况' })
  @IsString({ message: '请填写办理情况' })
  description?: string;

  @ApiPropertyOptional({ type: [String], description: '来源的群众问题' })
  @IsOptional()
  @IsUUID('all', { each: true, message: '问题编号格式不正确' })
  @ArrayMaxSize(LINKS_MAX, { message: `关联的问题不能超过 ${LINKS_MAX} 个` })
  @IsArray({ message: '关联的问题应为列表' })
  problemIds?: string[];

  @ApiPropertyOptional({ type: [String], description: '来源的走访' })
  @IsOptional()
  @IsUUID('all', { each: true, message: '走访编号格式不正确' })
  @ArrayMaxSize(LINKS_MAX, { message: `关联的走访不能超过 ${LINKS_MAX} 个` })
  @IsArray({ message: '关联的走访应为列表' })
  visitIds?: string[];
}

export class MatterInputDto extends MatterUpdateDto implements MatterInput {
  @ApiProperty({ maxLength: TITLE_MAX, description: '实事名称' })
  @Transform(trim)
  @MaxLength(TITLE_MAX, { message: `实事名称不能超过 ${TITLE_MAX} 个字` })
  @MinLength(1, { message: '请填写实事名称' })
  @IsString({ message: '请填写实事名称' })
  declare title: string;

  @ApiProperty({ format: 'uuid', description: '办理的单位' })
  @IsUUID('all', { message: '单位编号格式不正确' })
  declare unitId: string;

  @ApiProperty({ example: '2026-03-01', description: '办成日期（北京时间），不能晚于今天' })
  @Matches(DAY, { message: '办成日期格式应为 YYYY-MM-DD' })
  @IsString({ message: '请填写办成日期' })
  declare doneOn: string;

  @ApiProperty({ minimum: 1, maximum: BENEFICIARIES_MAX, description: '惠及群众人数' })
  @Max(BENEFICIARIES_MAX, { message: `惠及人数不能超过 ${BENEFICIARIES_MAX}` })
  @Min(1, { message: '惠及人数至少为 1' })
  @IsInt({ message: '惠及人数应为整数' })
  declare beneficiaries: number;

  @ApiProperty({ maxLength: DESCRIPTION_MAX, description: '办理情况' })
  @Transform(trim)
  @MaxLength(DESCRIPTION_MAX, { message: `办理情况不能超过 ${DESCRIPTION_MAX} 个字` })
  @MinLength(1, { message: '请填写办理情况' })
  @IsString({ message: '请填写办理情况' })
  declare description: string;
}

export class MatterListQueryDto extends PageQueryDto implements MatterListQuery {
  @ApiPropertyOptional({ example: '2026-01-01', description: '办成日期起（含）' })
  @IsOptional()
  @Matches(DAY, { message: '起始日期格式应为 YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: '办成日期止（含）' })
  @IsOptional()
  @Matches(DAY, { message: '截止日期格式应为 YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '只看这个单位' })
  @IsOptional()
  @IsUUID('all', { message: '单位编号格式不正确' })
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '只看这个社区' })
  @IsOptional()
  @IsUUID('all', { message: '社区编号格式不正确' })
  communityId?: string;
}

class RefDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export class MatterViewDto implements MatterView {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: RefDto }) unit: RefDto;
  @ApiProperty({ type: RefDto, nullable: true }) community: RefDto | null;
  @ApiProperty({ type: String, nullable: true }) village: string | null;
  @ApiProperty({ example: '2026-03-01' }) doneOn: string;
  @ApiProperty() beneficiaries: number;
  @ApiProperty() description: string;
  @ApiProperty({ type: [String] }) problemIds: string[];
  @ApiProperty({ type: [String] }) visitIds: string[];
  @ApiProperty({ type: RefDto }) author: RefDto;
  @ApiProperty() createdAt: string;
}

export class MatterPageDto implements MatterPage {
  @ApiProperty({ type: [MatterViewDto] }) items: MatterViewDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
  @ApiProperty({ description: '查询范围内全部实事的惠及人数合计' }) beneficiaries: number;
}

