import type { Params } from 'nestjs-pino';
import pino, { type DestinationStream } from 'pino';
import type { AppSection } from '../../config/configuration.js';
import { pathOnly, redactLogLine, type SerializedError, safeError } from './redact.js';

const destinations = new Map<string | number, DestinationStream>();

/**
 * One destination per target: the app module is registered once per app, and several apps of one process (the e2e
 * tests) would otherwise each open the same file. A file is written synchronously so nothing is lost at close.
 */
function destinationFor(logFile: string | undefined): DestinationStream {
  const dest = logFile ?? 1;
  let stream = destinations.get(dest);
  if (!stream) {
    stream = pino.destination({ dest, append: true, mkdir: true, sync: logFile !== undefined });
    destinations.set(dest, stream);
  }
  return stream;
}

/** The one logger every part of the app writes through (nestjs-pino over pino-http). */
export function loggerParams(app: Pick<AppSection, 'logLevel' | 'logFile'>): Params {
  return {
    pinoHttp: [
      {
        level: app.logLevel,
        // Fastify assigns the id (see app.factory.ts) and writes it to the header this reads.
        genReqId: (req) => String(req.headers['x-request-id'] ?? ''),
        redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], remove: true },
        autoLogging: { ignore: (req) => req.url === '/api/health' },
        serializers: {
          req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: pathOnly(req.url) }),
          err: (err: SerializedError) => safeError(err),
        },
        // The net under every line, whoever logged it: phone numbers, tokens and openids never reach the output.
        hooks: { streamWrite: redactLogLine },
      },
      destinationFor(app.logFile),
    ],
  };
}
