/**
 * What travels between the chat model's nodes. One entry of a user's queue
 * is either a message or a receipt for a message that user sent.
 */
export interface Entry {
  /** Position in the recipient's queue (1, 2, ...): the order a client shows. */
  readonly pos: number;
  /** A mention entry only points at a pulled group's message (fan-out on read). */
  readonly kind: "msg" | "receipt" | "mention";
  readonly mid: string;
  readonly from: string;
  readonly conv: string;
  /** Per-conversation sequence number assigned by the store. */
  readonly seq: number;
  readonly sentAt: number;
  /** Receipt state: 1 sent, 2 delivered, 3 read. */
  readonly state?: number;
  /** This group message @mentions the queue's owner. */
  readonly mention?: boolean;
}

/** A chat message as the sender's client creates it. */
export interface ChatMsg {
  readonly mid: string;
  readonly from: string;
  readonly to: string;
  readonly conv: string;
  readonly sentAt: number;
  /** Group messages: the users it @mentions. */
  readonly mentions?: readonly string[];
}

/** Passed through a request and echoed in its reply, so servers keep no table. */
export interface Via {
  /** The client node that asked (HTTP replies go straight there). */
  readonly client: string;
  /** The socket the request came on, to answer on it. */
  readonly conn?: number;
  /** The answer is a reconnect replay (the client is ready after it). */
  readonly replay?: boolean;
}

export const RECEIPT_NAMES = ["", "sent", "delivered", "read"] as const;
