/**
 * Trusted documents (persisted operations): published from a client system's `.graphql` files after the conformance
 * check (`ndaf-gateway documents publish`), run by id (`documentId`), required of clients set to trusted documents only.
 */
export { DOCUMENT_ID, documentIdOf, documentsOf, type TrustedDocument } from "./document.js";
export { resolveTrustedDocument, type GraphQLHttpParts } from "./request.js";
export { DOCUMENT_CACHE_SIZE, DocumentStore, type Published, type PublishOutcome, type StoredDocument } from "./service.js";
