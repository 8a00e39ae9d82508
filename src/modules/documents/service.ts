/**
 * Trusted documents in the gateway database: published once (idempotently, content-addressed), looked up by id on
 * every request through a bounded per-process cache. A document's text never changes under its id, so a cached
 * entry can only lack a binding made since it was read (by another process): a client not in it reads it again.
 */
import { eq, sql } from "drizzle-orm";
import type { Client } from "../access/index.js";
import type { Database } from "../../platform/db/source.js";
import { LruCache } from "../../shared/lru.js";
import type { TrustedDocument } from "./document.js";
import { trustedDocumentClients, trustedDocuments } from "./tables.js";

/** Documents kept in memory per process: a few hundred operations per client system is already a large front end. */
export const DOCUMENT_CACHE_SIZE = 2_000;

export interface StoredDocument {
  id: string;
  body: string;
  operationName: string | null;
  forEveryClient: boolean;
  /** Clients the document is bound to, as last read from the database. */
  clients: ReadonlySet<string>;
}

export type PublishOutcome = "published" | "bound" | "unchanged";

export interface Published {
  document: TrustedDocument;
  /**
   * published: a new document; bound: known, now also available to this client (or to every client); unchanged: it
   * already was (a document published for every client is available to each, so binding it changes nothing).
   */
  outcome: PublishOutcome;
}

function visibleTo(document: StoredDocument, client: Client | null): boolean {
  return document.forEveryClient || (client !== null && document.clients.has(client.id));
}

export class DocumentStore {
  private readonly cache: LruCache<string, StoredDocument>;
  /** Database reads since the store was made (cache misses): the benchmark and tests read it. */
  readonly reads = { count: 0 };

  constructor(
    private readonly db: Database,
    cacheSize = DOCUMENT_CACHE_SIZE,
  ) {
    this.cache = new LruCache(cacheSize);
  }

  /**
   * The document with this (well-formed) id if `client` may run it: one published for every client, or bound to
   * this one. Null otherwise, whether the id is unknown or bound to other clients only.
   */
  async find(id: string, client: Client | null): Promise<StoredDocument | null> {
    const cached = this.cache.get(id);
    if (cached && visibleTo(cached, client)) return cached;
    const loaded = await this.load(id);
    if (!loaded) return null;
    this.cache.set(id, loaded);
    return visibleTo(loaded, client) ? loaded : null;
  }

  private async load(id: string): Promise<StoredDocument | null> {
    this.reads.count++;
    const [row] = await this.db
      .select({
        body: trustedDocuments.body,
        operationName: trustedDocuments.operationName,
        forEveryClient: trustedDocuments.forEveryClient,
        clients: sql<
          string[]
        >`coalesce((select array_agg(${trustedDocumentClients.clientId}) from ${trustedDocumentClients} where ${trustedDocumentClients.documentId} = ${trustedDocuments.id}), '{}')`,
      })
      .from(trustedDocuments)
      .where(eq(trustedDocuments.id, id));
    if (!row) return null;
    return { id, body: row.body, operationName: row.operationName, forEveryClient: row.forEveryClient, clients: new Set(row.clients) };
  }

  /**
   * Stores the documents (each once, whoever publishes it again) and makes them available to `clientId`, or to every
   * client when it is null. One transaction: all are published, or none.
   */
  async publish(documents: TrustedDocument[], clientId: string | null): Promise<Published[]> {
    const results = await this.db.transaction(async (tx) => {
      const out: Published[] = [];
      for (const document of documents) {
        const inserted = await tx
          .insert(trustedDocuments)
          .values({
            id: document.id,
            body: document.body,
            operationName: document.operationName,
            operationType: document.operationType,
            forEveryClient: clientId === null,
          })
          .onConflictDoNothing()
          .returning({ id: trustedDocuments.id });
        if (inserted.length > 0) {
          if (clientId !== null) await tx.insert(trustedDocumentClients).values({ documentId: document.id, clientId });
          out.push({ document, outcome: "published" });
          continue;
        }
        // Known (the same text has the same id, whoever published it): widen who may run it, if anything.
        const [existing] = await tx
          .select({ forEveryClient: trustedDocuments.forEveryClient })
          .from(trustedDocuments)
          .where(eq(trustedDocuments.id, document.id));
        let changed = false;
        if (existing.forEveryClient) {
          // Every client may run it already: binding it to one changes nothing.
        } else if (clientId === null) {
          changed =
            (
              await tx
                .update(trustedDocuments)
                .set({ forEveryClient: true })
                .where(eq(trustedDocuments.id, document.id))
                .returning({ id: trustedDocuments.id })
            ).length > 0;
        } else {
          changed =
            (
              await tx
                .insert(trustedDocumentClients)
                .values({ documentId: document.id, clientId })
                .onConflictDoNothing()
                .returning({ id: trustedDocumentClients.documentId })
            ).length > 0;
        }
        out.push({ document, outcome: changed ? "bound" : "unchanged" });
      }
      return out;
    });
    for (const { document } of results) this.cache.delete(document.id);
    return results;
  }
}
