import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { stacked } from '../../../common/http/stacked.js';

/**
 * The two ways a rotating check-in code reaches the server, with the same checks wherever one is scanned (a community's
 * code to start or end a service, an activity's code to arrive or leave).
 */

/** The scanned QR content; `whoShowsIt` names whose phone shows the code (社区工作者 / 活动组织者) in the message. */
export const ScannedCodeField = (description: string, whoShowsIt: string): PropertyDecorator =>
  stacked(
    ApiPropertyOptional({ description }),
    IsOptional(),
    MaxLength(120, { message: `签到码无效，请扫描${whoShowsIt}手机上正在显示的签到码` }),
    IsString({ message: '签到码应为文字' }),
  );

/** The 6-digit short code, typed in (demo mode only). */
export const ShortCodeField = (): PropertyDecorator =>
  stacked(
    ApiPropertyOptional({ description: '6 位数字签到码，仅演示模式可手动输入' }),
    IsOptional(),
    Matches(/^\d{6}$/, { message: '请输入 6 位数字签到码' }),
    IsString({ message: '请输入 6 位数字签到码' }),
  );
