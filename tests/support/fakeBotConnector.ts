import type { Server } from 'node:http';
import express from 'express';

/** What a conversation answers, as Teams' Bot Connector does for a person who removed or blocked the app, or when busy. */
type Answer = { status: 403 | 404 | 429 | 500; code: string; retryAfter?: string };

export interface SentActivity {
  conversationId: string;
  activity: { type: string; attachments?: { contentType: string; content: Record<string, unknown> }[]; [k: string]: unknown };
}

export interface FakeBotConnector {
  /** The serviceUrl to put in conversation references. */
  url: string;
  sent: SentActivity[];
  /** A conversation that exists (an installed app). Unknown conversations answer 404 ConversationNotFound. */
  open(conversationId: string): void;
  /** From now on this conversation answers with `answer`, until `open` again. */
  fail(conversationId: string, answer: Answer): void;
  requests(conversationId: string): number;
  close(): Promise<void>;
}

/**
 * A local stand-in for the Bot Connector service's send endpoints, answering as the real one does:
 * 201 with an id, or the error envelope `{ error: { code, message } }` with 403, 404, 429 (with
 * Retry-After) or 500. botbuilder's real CloudAdapter talks to it over HTTP.
 */
export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const conversations = new Map<string, Answer | 'open'>();
  const counts = new Map<string, number>();
  const sent: SentActivity[] = [];
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  app.post(['/v3/conversations/:conversationId/activities', '/v3/conversations/:conversationId/activities/:replyToId'], (req, res) => {
    const id = req.params.conversationId as string;
    counts.set(id, (counts.get(id) ?? 0) + 1);
    const state = conversations.get(id);
    if (state === undefined) return res.status(404).json({ error: { code: 'ConversationNotFound', message: 'Conversation not found.' } });
    if (state !== 'open') {
      if (state.retryAfter) res.set('Retry-After', state.retryAfter);
      return res.status(state.status).json({ error: { code: state.code, message: `The service answered ${state.code}.` } });
    }
    sent.push({ conversationId: id, activity: req.body });
    return res.status(201).json({ id: `activity-${sent.length}` });
  });
  const server: Server = await new Promise((ok) => {
    const s = app.listen(0, '127.0.0.1', () => ok(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    sent,
    open: (id) => conversations.set(id, 'open'),
    fail: (id, answer) => conversations.set(id, answer),
    requests: (id) => counts.get(id) ?? 0,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
