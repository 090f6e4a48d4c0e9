import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { settleStartupSecrets } from './database/startup-secrets.js';
import { connectRedis, RedisThrottlerStorage } from './common/throttle/redis-throttler-storage.js';
import { jsonBodyParser } from './common/http/json-body-parser.js';
import type { AppConfig } from './config/configuration.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Taro's H5 page carries one small inline script (it sets the root font size before the app loads). Allowing exactly
 * that script by its hash keeps `script-src 'self'` strict without 'unsafe-inline'.
 */
function inlineScriptHashes(indexHtml: string | null): string[] {
  if (!indexHtml) return [];
  const hashes: string[] = [];
  for (const match of indexHtml.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
    hashes.push(`'sha256-${createHash('sha256').update(match[1] ?? '').digest('base64')}'`);
  }
  return hashes;
}

/** A hop count as proxy-addr counts it (the adapter's option type has no number): the nearest `hops` proxies are trusted. */
function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}

/** Builds the fully configured application without listening, so main.ts and the e2e tests run the same thing. */
export async function createApp(
  config: AppConfig,
  extra: Pick<AppModuleOptions, 'imports'> = {},
): Promise<NestFastifyApplication> {
  // Redis first: a REDIS_URL that does not answer stops the start before the database is touched.
  const redis = config.redis ? await connectRedis(config.redis) : undefined;
  let migrated: string[];
  try {
    migrated = await settleStartupSecrets(config);
  } catch (error) {
    redis?.disconnect();
    throw error;
  }
  const adapter = new FastifyAdapter({
    bodyLimit: config.app.bodyLimitBytes,
    // Only the proxies named in TRUST_PROXY are believed about the client's address (rate-limit key, audit log).
    trustProxy: typeof config.app.trustProxy === 'number' ? trustHops(config.app.trustProxy) : config.app.trustProxy,
    // A caller's (or proxy's) request id is kept so one id follows a request across services; otherwise a new one.
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      req.headers['x-request-id'] = id;
      return id;
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register({
      config,
      migrated,
      throttlerStorage: redis && config.redis ? new RedisThrottlerStorage(redis, config.redis.keyPrefix) : undefined,
      imports: extra.imports,
    }),
    adapter,
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance();
  if (redis) {
    fastify.addHook('onClose', async () => {
      await redis.quit();
    });
  }
  app.useBodyParser('application/json', { bodyLimit: config.app.bodyLimitBytes }, jsonBodyParser(fastify));
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  // Uploads (the roster import) are read by the route that wants them, with its own limits; elsewhere the body limit holds.
  await app.register(multipart, { limits: { fileSize: config.app.bodyLimitBytes, files: 1, parts: 10 } });
  const indexPath = join(config.app.h5Dir, 'index.html');
  const indexHtml = existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : null;
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Taro's H5 runtime and NutUI inject styles at run time; scripts stay same-origin only.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'", ...inlineScriptHashes(indexHtml)],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  app.enableCors({
    origin: config.app.corsOrigins,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id'],
    exposedHeaders: ['X-Request-Id'],
    maxAge: 600,
  });

  if (config.app.apiDocs) {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Pioneer 先锋报到 API')
        .setDescription('Product endpoints live under /api/v1. Errors are { code, message, details? }.')
        .setVersion('1')
        .addServer('/')
        .addBearerAuth()
        // Every operation needs a session unless it is marked @Public() (which documents an empty requirement).
        .addSecurityRequirements('bearer')
        .build(),
    );
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  }

  if (indexHtml !== null) {
    await app.register(fastifyStatic, {
      root: config.app.h5Dir,
      prefix: '/',
      wildcard: false,
      decorateReply: false,
      index: ['index.html'],
    });
  }

  await app.init();
  return app;
}
