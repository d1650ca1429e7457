import { closeSync, openSync, writeSync } from 'node:fs';
import type { AuditEntry } from '@stowage/shared';
import type { AuditDestinations } from './audit-destinations.js';

/**
 * Where audit lines are written: stdout (each line with `"audit":true`, to tell it from the
 * request log) and/or a file, appended to and reopened by `reopen()` (SIGHUP, after a log
 * rotation moved it). A failed write is reported once (until a write succeeds again) and
 * never fails the request.
 */
export class AuditLog {
  private fd: number | undefined;
  private failing = false;
  /** Told once when the file cannot be written (server.ts: the app's log). */
  onProblem: (message: string, err: unknown) => void = () => {};

  /** The file is opened by the first write, or by `reopen()` (server.ts: at start, to tell). */
  constructor(
    readonly destinations: AuditDestinations,
    private readonly stdout: (line: string) => void = (line) => void process.stdout.write(line),
  ) {}

  get file() {
    return this.destinations.file;
  }

  write(entry: AuditEntry) {
    const json = JSON.stringify(entry);
    if (this.destinations.stdout) this.stdout(`{"audit":true,${json.slice(1)}\n`);
    if (this.destinations.file === undefined) return;
    try {
      if (this.fd === undefined) this.open(true);
      if (this.fd === undefined) return;
      // One write of the whole line: appends of concurrent writers do not interleave.
      writeSync(this.fd, `${json}\n`);
      this.failing = false;
    } catch (err) {
      this.problem(`Cannot write the audit log ${this.destinations.file}`, err);
    }
  }

  /** After a rotation: the file at the path from now on (a new one if it was moved). */
  reopen() {
    this.close();
    this.failing = false;
    this.open();
  }

  close() {
    if (this.fd === undefined) return;
    try {
      closeSync(this.fd);
    } catch {
      // Closed already.
    }
    this.fd = undefined;
  }

  private open(throwing = false) {
    if (this.destinations.file === undefined) return;
    try {
      this.fd = openSync(this.destinations.file, 'a', 0o640);
    } catch (err) {
      this.fd = undefined;
      if (throwing) throw err;
      this.problem(`Cannot open the audit log ${this.destinations.file}`, err);
    }
  }

  private problem(message: string, err: unknown) {
    if (this.failing) return;
    this.failing = true;
    this.onProblem(message, err);
  }
}
