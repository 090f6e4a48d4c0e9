import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MESSAGE_KINDS,
  type MessageKind,
  type MessageListQuery,
  type MessageView,
  type Page,
  type SubscribeAcceptRequest,
  type SubscribeAcceptResponse,
  type SubscribeTemplatesResponse,
  type UnreadCountResponse,
} from '@pioneer/shared-types';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 50;

export class MessageListQueryDto implements MessageListQuery {
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

  @ApiPropertyOptional({ description: '只看未读' })
  @IsOptional()
  // Query strings are text: "true" / "false" (and 1 / 0) become booleans; anything else fails validation.
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value,
  )
  @IsBoolean({ message: '只看未读应为 true 或 false' })
  unread?: boolean;
}

export class SubscribeAcceptDto implements SubscribeAcceptRequest {
  @ApiProperty({ type: [String], description: '本次 requestSubscribeMessage 请求的模板（每次最多 3 个）' })
  @IsArray({ message: '请求的模板应为列表' })
  @ArrayMinSize(1, { message: '至少包含一个模板' })
  @ArrayMaxSize(3, { message: '每次最多请求 3 个模板' })
  @IsString({ each: true, message: '模板编号应为文字' })
  @MaxLength(64, { each: true, message: '模板编号过长' })
  templateIds: string[];

  @ApiProperty({ type: [String], description: '其中用户选择“允许”的模板' })
  @IsArray({ message: '接受的模板应为列表' })
  @ArrayMaxSize(3, { message: '每次最多接受 3 个模板' })
  @IsString({ each: true, message: '模板编号应为文字' })
  @MaxLength(64, { each: true, message: '模板编号过长' })
  accepted: string[];
}

export class MessageViewDto implements MessageView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: MESSAGE_KINDS }) kind: MessageKind;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: String, nullable: true }) link: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) readAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class MessagePageDto implements Page<MessageView> {
  @ApiProperty({ type: [MessageViewDto] }) items: MessageViewDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export class PendingWorkDto {
  @ApiProperty({ description: '待审核的报到申请' }) registrations: number;
  @ApiProperty({ description: '待确认的服务记录' }) services: number;
}

export class UnreadCountDto implements UnreadCountResponse {
  @ApiProperty() unread: number;
  @ApiPropertyOptional({ description: '社区工作者：所管社区待处理的事项数' }) pendingForWorker?: number;
  @ApiPropertyOptional({ type: () => PendingWorkDto, description: '社区工作者：按事项分开的待处理数（报到审核、服务确认）' })
  pendingWork?: PendingWorkDto;
}

class SubscribeTemplateDto {
  @ApiProperty({ enum: MESSAGE_KINDS }) kind: MessageKind;
  @ApiProperty() templateId: string;
}

export class SubscribeTemplatesDto implements SubscribeTemplatesResponse {
  @ApiProperty({ type: [SubscribeTemplateDto] }) templates: SubscribeTemplateDto[];
}

class AcceptanceCountDto {
  @ApiProperty() templateId: string;
  @ApiProperty() available: number;
}

export class SubscribeAcceptResponseDto implements SubscribeAcceptResponse {
  @ApiProperty({ type: [AcceptanceCountDto] }) acceptances: AcceptanceCountDto[];
}
