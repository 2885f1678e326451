// What went wrong in an RPC call, in the node's own words. viem wraps a JSON-RPC error in classes whose message is
// a generic line ("Missing or invalid parameters."); the node's reason ("query exceeds max block range 5000") sits
// in the innermost cause's details. Pages show that reason, and the range logic reads it to tell a refusal of the
// span (worth halving) from any other failure.

/** The node's own message for an RPC failure (falling back to viem's short message, then the error's text). */
export declare function rpcErrorMessage(error: unknown): string;

/**
 * True when the error says the request was too big: a JSON-RPC refusal of the block span or of the result count
 * (codes -32005, -32602, -32600, -32000 with words about range, blocks, results or limit), an HTTP 413, or a
 * timeout (a node that gives up on a wide range often just never answers). Such errors halve the range.
 */
export declare function isRangeRefusal(error: unknown): boolean;

/** A block span the RPC named as its limit ("max block range 5000", "limited to 10000 blocks"), if it named one. */
export declare function rangeLimitIn(error: unknown): bigint | undefined;

/** A scan stopped by its AbortSignal: what was read so far is kept in the store and the next scan resumes there. */
export declare class HistoryScanCancelled extends Error {}
