import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  ConsolePollRequest,
  ConsolePollResponse,
  ConsoleScanRequest,
  ConsoleTicketResponse,
  ConsoleTicketStatus,
} from '@pioneer/shared-types';
import { IsString, IsUUID, Length } from 'class-validator';
import { TokenDto } from './session.dto.js';

export class ConsoleTicketDto implements ConsoleTicketResponse {
  @ApiProperty() ticketId: string;
  @ApiProperty({ description: 'what the QR shows; confirming it needs a signed-in worker, organizer or admin' })
  scanPayload: string;
  @ApiProperty({ description: 'kept by the browser only, to collect the session once' }) pollSecret: string;
  @ApiProperty() expiresIn: number;
}

export class ConsolePollDto implements ConsolePollRequest {
  @ApiProperty()
  @IsUUID('all', { message: '登录二维码无效，请刷新网页后重新扫码' })
  ticketId: string;

  @ApiProperty()
  @IsString({ message: 'pollSecret 应为文字' })
  @Length(20, 200, { message: 'pollSecret 格式不正确' })
  pollSecret: string;
}

export class ConsolePollResponseDto implements ConsolePollResponse {
  @ApiProperty({ enum: ['pending', 'scanned', 'confirmed', 'expired', 'consumed'] }) status: ConsoleTicketStatus;
  @ApiPropertyOptional({ type: TokenDto, description: 'only in the first answer after confirmation' }) session?: TokenDto;
}

export class ConsoleScanDto implements ConsoleScanRequest {
  @ApiProperty({ description: 'the text read from the console QR' })
  @IsString({ message: '二维码内容应为文字' })
  @Length(1, 200, { message: '这不是网页登录二维码' })
  scanPayload: string;
}
