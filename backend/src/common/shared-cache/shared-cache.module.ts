import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SharedCacheEntity } from './shared-cache.entity.js';
import { SharedCacheService } from './shared-cache.service.js';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([SharedCacheEntity])],
  providers: [SharedCacheService],
  exports: [SharedCacheService],
})
export class SharedCacheModule {}
