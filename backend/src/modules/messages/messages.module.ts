import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WechatModule } from '../../wechat/wechat.module.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { MessageEntity } from './entities/message.entity.js';
import { SubscribeAcceptanceEntity } from './entities/subscribe-acceptance.entity.js';
import { MessagesController } from './messages.controller.js';
import { MessagesService } from './messages.service.js';
import { PendingWorkRegistry } from './pending-work.registry.js';

/** Global: every feature writes to the inbox (MessagesService.send) and may add a worker counter (PendingWorkRegistry). */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([MessageEntity, SubscribeAcceptanceEntity, MemberEntity]), WechatModule],
  controllers: [MessagesController],
  providers: [MessagesService, PendingWorkRegistry],
  exports: [MessagesService, PendingWorkRegistry],
})
export class MessagesModule {}
