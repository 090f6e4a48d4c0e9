import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommunityEntity } from '../org/entities/community.entity.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { UnitEntity } from '../org/entities/unit.entity.js';
import { ModelPostHolderEntity } from './entities/model-post-holder.entity.js';
import { ModelPostEntity } from './entities/model-post.entity.js';
import { MemberPostsController, PostsController } from './posts.controller.js';
import { PostsService } from './posts.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ModelPostEntity, ModelPostHolderEntity, MemberEntity, UnitEntity, CommunityEntity])],
  controllers: [PostsController, MemberPostsController],
  providers: [PostsService],
  exports: [PostsService],
})
export class PostsModule {}
