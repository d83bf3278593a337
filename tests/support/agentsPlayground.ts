import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { playgroundConfig } from '../../scripts/playgroundConfig.js';
import { PATIENCE_MS } from './patience.js';

/** A message the playground shows in its chat, as its websocket pushes it. */
export interface PlaygroundMessage {
  messageId: string;
  from: { id: string };
  text?: string;
  attachments?: { contentType: string; content: Record<string, unknown> }[];
}

export interface AgentsPlayground {
  url: string;
  conversationId: string;
  currentUser: { id: string; aadObjectId: string; name: string };
  /** Every message pushed so far, in order. */
  messages: PlaygroundMessage[];
  /** Waits for a message that matches, seen or still to come. */
  waitFor(what: string, match: (m: PlaygroundMessage) => boolean, timeoutMs?: number): Promise<PlaygroundMessage>;
  /** What the playground's web page does when it opens: installs the app in the personal chat. */
  install(): Promise<void>;
  say(text: string): Promise<void>;
  /** Presses an Action.Execute button on a card; returns the bot's invoke response. */
  press(replyToId: string, verb: string, data: Record<string, unknown>): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

/**
 * Starts the Microsoft 365 Agents Playground (`agentsplayground`, no browser) against a bot
 * endpoint, signed in as a fictional demo person, and drives it through the HTTP and websocket API
 * its own web page uses. Start one per suite: it buffers replies for the next websocket client.
 */
export async function startAgentsPlayground(botEndpoint: string, asStaffId: string): Promise<AgentsPlayground> {
  const dir = mkdtempSync(join(tmpdir(), 'ecm-playground-'));
  const configPath = join(dir, '.m365agentsplayground.yml');
  writeFileSync(configPath, playgroundConfig(asStaffId));
  const child: ChildProcess = spawn(resolve('node_modules/.bin/agentsplayground'), ['-p', '0', '-e', botEndpoint, '-c', 'msteams', '--disable-telemetry'], {
    cwd: dir,
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
      M365_AGENTS_PLAYGROUND_LOGFILE: join(dir, 'playground.log'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise<number>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`the Agents Playground did not start:\n${output}`)), PATIENCE_MS);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Listening on (\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        ok(Number(m[1]));
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => fail(new Error(`the Agents Playground exited (${code}):\n${output}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  const { config } = (await (await fetch(`${url}/_internal/v1/config`)).json()) as {
    config: { personalChat: { id: string }; currentUser: { id: string; aadObjectId: string; name: string } };
  };

  const messages: PlaygroundMessage[] = [];
  const waiters = new Set<() => void>();
  const ws = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
  ws.on('message', (data) => {
    const event = JSON.parse(data.toString()) as { action: string; message?: PlaygroundMessage };
    if ((event.action === 'createMessage' || event.action === 'updateMessage') && event.message) messages.push(event.message);
    for (const wake of waiters) wake();
  });
  await new Promise((ok, fail) => {
    ws.once('open', ok);
    ws.once('error', fail);
  });

  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };

  return {
    url,
    conversationId: config.personalChat.id,
    currentUser: config.currentUser,
    messages,
    waitFor(what, match, timeoutMs = PATIENCE_MS) {
      return new Promise((ok, fail) => {
        const check = () => {
          const found = messages.find(match);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          ok(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          fail(new Error(`no ${what} within ${timeoutMs} ms; the chat has: ${JSON.stringify(messages).slice(0, 2000)}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    async install() {
      const r = await post(`/_debug/conversation/${config.personalChat.id}/installation`, {});
      if (r.status !== 200) throw new Error(`installation failed: ${r.status}`);
    },
    async say(text) {
      const r = await post(`/_conversation/v1/conversations/${config.personalChat.id}/messages`, {
        from: { id: config.currentUser.id },
        text,
        textFormat: 'plain',
      });
      if (r.status !== 200) throw new Error(`sending "${text}" failed: ${r.status} ${JSON.stringify(r.body)}`);
    },
    press(replyToId, verb, data) {
      return post('/_conversation/v1/invoke', {
        name: 'adaptiveCard/action',
        from: { id: config.currentUser.id },
        conversation: { id: config.personalChat.id },
        replyToId,
        value: { action: { type: 'Action.Execute', verb, data } },
      });
    },
    async stop() {
      ws.close();
      if (child.exitCode === null) {
        const exited = new Promise((ok) => child.once('exit', ok));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
