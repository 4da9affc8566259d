/**
 * The log's wire vocabulary: Kafka's API names as message types, and the
 * shapes other models use to treat the log as a message queue. Every request
 * carries a correlation id `cid`; its response is `<Api>Response` with the
 * same `cid` and an `error` (absent on success), as in Kafka.
 */

/** One record. `id` is unique per produce attempt of the application; `src` names the input it came from. */
export interface LogRecord {
  readonly id: string;
  readonly src?: string;
  readonly value?: unknown;
  /** Internal topics: an observation the partition leader emits once the record is committed. */
  readonly observe?: { readonly name: string; readonly data: Record<string, unknown> };
}

/** A producer batch: (pid, epoch, first sequence) identify it for deduplication. pid -1: not idempotent. */
export interface Batch {
  readonly pid: number;
  readonly epoch: number;
  readonly seq: number;
  readonly txn: boolean;
  readonly txnId?: string;
  readonly records: readonly LogRecord[];
}

export type ControlType = "COMMIT" | "ABORT";

/** One log entry (one record or one control marker) at its offset. */
export interface Entry {
  /** Leader epoch that appended it (KIP-101). */
  readonly epoch: number;
  readonly pid: number;
  readonly pepoch: number;
  readonly seq: number;
  /** Sequence range of the batch the record came in (for producer-state rebuilds). */
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly txn: boolean;
  readonly control?: ControlType;
  readonly coordEpoch?: number;
  readonly rec: LogRecord;
}

export type Isolation = "read_committed" | "read_uncommitted";

/** Produce {partition, batch, leaderEpoch?}: acks=all; `leaderEpoch` fences coordinator writes to internal topics. */
export interface ProduceReq {
  readonly cid: number;
  readonly partition: string;
  readonly batch: Batch;
  readonly leaderEpoch?: number;
}
export interface ProduceResp {
  readonly cid: number;
  readonly partition: string;
  readonly error?: string;
  readonly offset?: number;
  readonly duplicate?: boolean;
}

/** Fetch {partition, offset, isolation}: records from `offset` below the HW or the LSO. */
export interface FetchReq {
  readonly cid: number;
  readonly partition: string;
  readonly offset: number;
  readonly isolation: Isolation | "log_end";
  readonly maxRecords?: number;
}
export interface FetchedRecord {
  readonly offset: number;
  readonly entry: Entry;
}
export interface FetchResp {
  readonly cid: number;
  readonly partition: string;
  readonly error?: string;
  readonly records?: readonly FetchedRecord[];
  readonly hw?: number;
  readonly lso?: number;
  readonly logEnd?: number;
  /** read_committed: aborted transactions overlapping the range, for client-side filtering. */
  readonly aborted?: readonly { readonly pid: number; readonly first: number; readonly last: number }[];
}

/** The cluster metadata every host caches and clients ask for. */
export interface PartitionMeta {
  readonly leader: string | null;
  readonly leaderEpoch: number;
  readonly partitionEpoch: number;
  readonly isr: readonly string[];
  readonly replicas: readonly string[];
}
export type MetadataTable = Record<string, PartitionMeta>;

/** WriteTxnMarkers for one partition (or the group's offsets, `group`). */
export interface MarkerReq {
  readonly cid: number;
  readonly partition: string;
  readonly txnId: string;
  readonly pid: number;
  readonly epoch: number;
  readonly result: ControlType;
  readonly coordEpoch: number;
}

/** The offsets "partition" of a group in a transaction's partition set. */
export const offsetsOf = (group: string) => `offsets:${group}`;
export const groupOfOffsets = (p: string) => (p.startsWith("offsets:") ? p.slice(8) : null);

/** Partition names: topic-index. */
export const partitionName = (topic: string, i: number) => `${topic}-${i}`;
export const topicOf = (partition: string) => partition.slice(0, partition.lastIndexOf("-"));

export const TXN_STATE_TOPIC = "__transaction_state";
export const OFFSETS_TOPIC = "__consumer_offsets";
