import { afterEach, beforeEach, describe } from 'vitest';
import type { Store } from '../../src/ports/store.js';
import { auditAndEventContract } from './contract/auditAndEvents.js';
import { caseContract } from './contract/cases.js';
import { concurrencyContract } from './contract/concurrency.js';
import { conversationContract } from './contract/conversations.js';
import { requestContract } from './contract/requests.js';
import { documentContract } from './contract/documents.js';
import { outboxContract } from './contract/outbox.js';
import { purgeContract } from './contract/purge.js';
import { recordsContract } from './contract/caseRecords.js';
import { recordExportContract } from './contract/recordExports.js';
import { timelineContract } from './contract/timeline.js';
import { timelineQuestionContract } from './contract/timelineQuestions.js';
import { searchContract } from './contract/search.js';
import { transitionPlanContract } from './contract/transitionPlans.js';
import { storeWriteTally } from '../../src/adapters/sql/writeTally.js';
import { writeTallyContract } from './writeTally.contract.js';

/** Opens a new, empty store; the suite closes it after each test. */
export type OpenStore = () => Promise<Store>;

export interface ContractContext {
  store(): Store;
}

/**
 * What every adapter of the Store port must do, checked through the port alone, so that SQLite and
 * PostgreSQL (and any later adapter) behave the same to the use cases above them. Each test gets a
 * fresh store from `openStore`.
 */
export function describeStoreContract(name: string, openStore: OpenStore): void {
  describe(`the store's contract on ${name}`, () => {
    let current: Store | null = null;
    beforeEach(async () => {
      current = await openStore();
    });
    afterEach(async () => {
      await current?.close();
      current = null;
    });
    const context: ContractContext = {
      store() {
        if (!current) throw new Error('the store is opened for each test');
        return current;
      },
    };

    describe('services, people and cases', () => caseContract(context));
    describe('the timeline', () => timelineContract(context));
    describe("the jigsaw's questions to agencies", () => timelineQuestionContract(context));
    describe('finding entries and cases by words', () => searchContract(context));
    describe('agreements, team, formulations, TRM, meetings and sessions', () => recordsContract(context));
    describe('the audit trail and case events', () => auditAndEventContract(context));
    describe('the outbox', () => outboxContract(context));
    describe("the bot's conversations", () => conversationContract(context));
    describe('requests under an idempotency key', () => requestContract(context));
    describe('case documents waiting for the library', () => documentContract(context));
    describe('transition plans', () => transitionPlanContract(context));
    describe("the child's copies of their record", () => recordExportContract(context));
    describe('purging a case', () => purgeContract(context));
    describe('concurrent transactions', () => concurrencyContract(context));
    describe("the write limit's tally, shared by the instances on the database", () => writeTallyContract(() => storeWriteTally(context.store())));
  });
}
