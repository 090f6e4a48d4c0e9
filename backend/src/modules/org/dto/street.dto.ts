import { ApiProperty } from '@nestjs/swagger';
import type { StreetInput, StreetListQuery, StreetView } from '@pioneer/shared-types';
import { IsDefined, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PageQueryDto, pageDtoOf } from '../../../common/http/page-query.dto.js';
import { Trim } from './transforms.js';

export class StreetInputDto implements StreetInput {
  @ApiProperty({ maxLength: 100, example: '向阳街道' })
  @Trim()
  @MaxLength(100, { message: '街道名称不能超过 100 个字' })
  @IsNotEmpty({ message: '请填写街道名称' })
  @IsString({ message: '街道名称应为文字' })
  @IsDefined({ message: '请填写街道名称' })
  name: string;
}

export class StreetListQueryDto extends PageQueryDto implements StreetListQuery {}

export class StreetViewDto implements StreetView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() communityCount: number;
}

export const StreetPageDto = pageDtoOf(StreetViewDto, 'StreetPageDto');
