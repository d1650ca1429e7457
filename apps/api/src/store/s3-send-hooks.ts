import type { S3Client } from '@aws-sdk/client-s3';

/**
 * Runs around one command the client sends: its name (`HeadObject`…), its input, and the send
 * itself, which it calls (or not, to stand in for a store that fails).
 */
export type AroundSend = (
  name: string,
  input: Record<string, unknown>,
  send: () => Promise<unknown>,
) => Promise<unknown>;

type Send = (command: { input: unknown }, ...rest: unknown[]) => Promise<unknown>;

/**
 * Wraps `client.send`: every command goes through it, each upload part included. (The
 * client resolves its middleware once per command class — cacheMiddleware, s3-client.ts — so
 * middleware added after the first request of a kind would never run; `send` always does.)
 * Returns the function that puts the previous `send` back.
 */
export function aroundSends(client: S3Client, around: AroundSend): () => void {
  const own = client.send as unknown as Send;
  const wrapped: Send = (command, ...rest) =>
    around(
      command.constructor.name.replace(/Command$/, ''),
      command.input as Record<string, unknown>,
      () => own.call(client, command, ...rest),
    );
  (client as unknown as { send: Send }).send = wrapped;
  return () => {
    (client as unknown as { send: Send }).send = own;
  };
}
