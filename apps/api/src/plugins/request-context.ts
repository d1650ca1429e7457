import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify';

type FastifyChildLoggerFactory = NonNullable<FastifyServerOptions['childLoggerFactory']>;

type Bindings = Record<string, unknown>;
type ChildLoggerOptions = Parameters<FastifyChildLoggerFactory>[2];
type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
/** What this file uses of a pino logger (Fastify's logger is pino when `logger` is given). */
interface Logger extends FastifyBaseLogger {
  isLevelEnabled(level: string): boolean;
  bindings(): Bindings;
  child(bindings: Bindings, opts?: ChildLoggerOptions): Logger;
}

/** Random bytes drawn at once for request ids: 512 ids per call into the system's RNG. */
const POOL_BYTES = 4096;
const ID_BYTES = 8;
let pool = Buffer.alloc(0);
let used = 0;

/**
 * A request id: 8 random bytes in hex, unique across instances (an error body and the log line
 * of its request share it). Taken from a pool of crypto random bytes, refilled when spent:
 * `randomBytes(8)` per request cost ~15 µs (one call into OpenSSL each; ADR 0002).
 */
export function requestId(): string {
  if (used + ID_BYTES > pool.length) {
    pool = randomBytes(POOL_BYTES);
    used = 0;
  }
  const id = pool.toString('hex', used, used + ID_BYTES);
  used += ID_BYTES;
  return id;
}

type LogArgs = [obj: unknown, msg?: string, ...args: unknown[]];

/**
 * Fastify makes a child logger (the request id's binding) for every request, ~15 µs with our
 * redaction, whether it logs or not. This one makes it at the first line that passes the
 * level: with LOG_LEVEL=warn, a request that logs nothing makes none (ADR 0002). A route with
 * its own logLevel or serializers gets its child at once, as Fastify's default does.
 */
export const lazyChildLogger: FastifyChildLoggerFactory = (logger, bindings, opts) => {
  const parent = logger as unknown as Logger;
  if (opts.level !== undefined || opts.serializers !== undefined) {
    return parent.child(bindings, opts) as unknown as FastifyBaseLogger;
  }
  return new LazyChild(parent, bindings, opts) as unknown as FastifyBaseLogger;
};

/** request.log until it first writes: the parent's level decides, then a real pino child. */
export class LazyChild {
  #child: Logger | undefined;
  readonly #parent: Logger;
  readonly #bindings: Bindings;
  readonly #opts: ChildLoggerOptions;

  constructor(parent: Logger, bindings: Bindings, opts: ChildLoggerOptions) {
    this.#parent = parent;
    this.#bindings = bindings;
    this.#opts = opts;
  }

  /** The real child, made once. */
  get made(): boolean {
    return this.#child !== undefined;
  }

  #real(): Logger {
    return (this.#child ??= this.#parent.child(this.#bindings, this.#opts));
  }

  #write(level: Level, args: LogArgs): void {
    if (this.#child === undefined && !this.#parent.isLevelEnabled(level)) return;
    (this.#real()[level] as (...a: LogArgs) => void)(...args);
  }

  get level(): string {
    return this.#child?.level ?? this.#parent.level;
  }

  set level(level: string) {
    this.#real().level = level;
  }

  isLevelEnabled(level: string): boolean {
    return (this.#child ?? this.#parent).isLevelEnabled(level);
  }

  fatal(...args: LogArgs): void {
    this.#write('fatal', args);
  }
  error(...args: LogArgs): void {
    this.#write('error', args);
  }
  warn(...args: LogArgs): void {
    this.#write('warn', args);
  }
  info(...args: LogArgs): void {
    this.#write('info', args);
  }
  debug(...args: LogArgs): void {
    this.#write('debug', args);
  }
  trace(...args: LogArgs): void {
    this.#write('trace', args);
  }
  silent(): void {}

  child(bindings: Bindings, opts?: ChildLoggerOptions): FastifyBaseLogger {
    return this.#real().child(bindings, opts) as unknown as FastifyBaseLogger;
  }

  bindings(): Bindings {
    return this.#child?.bindings() ?? { ...this.#parent.bindings(), ...this.#bindings };
  }
}

/** The logger writes info lines: pino's own check; a logger without one (none given) writes. */
export function logsInfo(log: FastifyBaseLogger): boolean {
  const check = (log as Partial<Logger>).isLevelEnabled;
  return typeof check === 'function' ? check.call(log, 'info') : log.level !== 'silent';
}
