import { RequestMethod, VERSION_NEUTRAL } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, VERSION_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from '../../support/http.js';

/** "METHOD /path" in the OpenAPI document's form, e.g. `POST /api/v1/members/{id}/transfer`. */
export type EndpointKey = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /${string}`;

interface OpenApiOperation {
  security?: Array<Record<string, string[]>>;
}
type OpenApiDocument = { paths: Record<string, Record<string, OpenApiOperation>> };

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

export interface DocumentedEndpoint {
  key: string;
  /** Whether the document says the operation needs a bearer token (@ApiBearerAuth). */
  bearer: boolean;
}

/** Every operation of the running app's OpenAPI document. */
export async function documentedEndpoints(baseUrl: string): Promise<DocumentedEndpoint[]> {
  const res = await request(baseUrl).get('/api/docs-json').expect(200);
  const doc = res.body as OpenApiDocument;
  const out: DocumentedEndpoint[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      if (!HTTP_METHODS.includes(method)) continue;
      out.push({ key: `${method.toUpperCase()} ${path}`, bearer: (op.security ?? []).some((s) => 'bearer' in s) });
    }
  }
  return out;
}

const METHOD_NAMES: Partial<Record<RequestMethod, string>> = {
  [RequestMethod.GET]: 'GET',
  [RequestMethod.POST]: 'POST',
  [RequestMethod.PUT]: 'PUT',
  [RequestMethod.PATCH]: 'PATCH',
  [RequestMethod.DELETE]: 'DELETE',
  [RequestMethod.ALL]: 'ALL',
  [RequestMethod.OPTIONS]: 'OPTIONS',
  [RequestMethod.HEAD]: 'HEAD',
};

function asList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function join(...parts: string[]): string {
  const path = parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/');
  return `/${path}`;
}

/**
 * Every route handler Nest registered, read from the controllers' own metadata — so an operation hidden from the
 * document (@ApiExcludeEndpoint, a controller Swagger never saw) still has to be in the table. Paths use the global
 * prefix `api` and URI versioning with default version 1, as app.factory.ts sets them up.
 */
export function routerEndpoints(app: NestFastifyApplication): string[] {
  const keys = new Set<string>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const bases = asList<string>(Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined);
      const classVersion = Reflect.getMetadata(VERSION_METADATA, controller) as unknown;
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        if (name === 'constructor') continue;
        const handler = Object.getOwnPropertyDescriptor(proto, name)?.value as object | undefined;
        if (typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        const routePaths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (method === undefined || routePaths === undefined) continue;
        const handlerVersion = Reflect.getMetadata(VERSION_METADATA, handler) as unknown;
        const versions = asList(handlerVersion ?? classVersion ?? '1');
        for (const version of versions) {
          const prefix = version === VERSION_NEUTRAL ? 'api' : `api/v${String(version)}`;
          for (const base of bases.length ? bases : ['']) {
            for (const route of asList(routePaths)) {
              const path = join(prefix, base, route).replace(/:([A-Za-z0-9_]+)/g, '{$1}');
              keys.add(`${METHOD_NAMES[method] ?? String(method)} ${path}`);
            }
          }
        }
      }
    }
  }
  return [...keys].sort();
}
