import type { Behavior } from "../../../kernel/behavior.ts";
import type { Message } from "../../../kernel/types.ts";
import type { LogPlan } from "../plan.ts";
import { rebuild, replicaInit } from "../replica/replica.ts";
import { reply, request, rpcInit, type Tag, takeReply, takeTimeout } from "../rpc.ts";
import type { MetadataTable } from "../wire.ts";
import { controllerStart, onAlterPartition, onBrokerHeartbeat, onControllerTick } from "./controller.ts";
import { follow, onFollowerRetry, onReplicaFetched } from "./follower.ts";
import { becomeLeader, checkIsr, leaderMetadata, onAlterDone, resign } from "./leader.ts";
import { onFetch, onFetchExpire, onMarker, onProduce, onVerified } from "./serve.ts";
import type { HostCtx, HostDurable, HostEnv, HostVolatile } from "./state.ts";

/**
 * A node hosting partition replicas (a broker, or an offset-store holding
 * `__consumer_offsets`), and on the first broker the controller too. The
 * log and HW are on disk; leadership and follower sessions are rebuilt from
 * the controller's metadata after a restart.
 */
function applyMetadata(ctx: HostCtx, env: HostEnv, table: MetadataTable, version: number): void {
  const v = ctx.volatile;
  if (version <= v.metaVersion) return;
  v.meta = table;
  v.metaVersion = version;
  for (const p of Object.keys(ctx.durable.replicas)) {
    const m = table[p];
    if (!m) continue;
    if (m.leader === ctx.id) {
      delete v.follow[p];
      if (!v.lead[p] || v.lead[p].epoch !== m.leaderEpoch) becomeLeader(ctx, env, p, m);
      else leaderMetadata(ctx, env, p, m);
      continue;
    }
    resign(ctx, p);
    const f = v.follow[p];
    if (!m.leader) delete v.follow[p];
    else if (!f || f.leader !== m.leader || f.epoch !== m.leaderEpoch) follow(ctx, env, p, m.leader, m.leaderEpoch);
  }
}

function heartbeat(ctx: HostCtx, env: HostEnv): void {
  const s = env.plan.settings;
  request(ctx, env.plan.controller, "BrokerHeartbeat", { token: ctx.volatile.token, version: ctx.volatile.metaVersion }, { kind: "hb" }, s.requestTimeoutMs);
  checkIsr(ctx, env);
  ctx.setTimer(s.brokerHeartbeatMs, "hb");
}

function onResponse(ctx: HostCtx, env: HostEnv, tag: Tag, body: any): void {
  switch (tag.kind) {
    case "hb":
      if (body.table) applyMetadata(ctx, env, body.table, body.version);
      return;
    case "alter":
      return onAlterDone(ctx, env, tag.partition as string, tag.epoch as number, body.error);
    case "replica-fetch":
      return onReplicaFetched(ctx, env, tag.partition as string, tag.session as number, body);
    case "verify":
      return onVerified(ctx, env, tag.key as string, tag.msg as Message, body.error);
  }
}

/** InitProducerId without a transactional id (rule 1): a fresh producer id, epoch 0. */
function onInitProducerId(ctx: HostCtx, env: HostEnv, msg: Message): void {
  const base = (env.plan.hosts.indexOf(ctx.id) + 1) * 1_000_000;
  ctx.durable.nextPid = (ctx.durable.nextPid ?? 0) + 1;
  reply(ctx, msg, { pid: base + ctx.durable.nextPid, epoch: 0 });
}

function onRequest(ctx: HostCtx, env: HostEnv, msg: Message): void {
  switch (msg.type) {
    case "Produce":
      return onProduce(ctx, env, msg);
    case "Fetch":
      return onFetch(ctx, env, msg);
    case "WriteTxnMarkers":
      return onMarker(ctx, env, msg);
    case "Metadata":
      return reply(ctx, msg, { table: ctx.volatile.meta, version: ctx.volatile.metaVersion });
    case "InitProducerId":
      return onInitProducerId(ctx, env, msg);
    case "UpdateMetadata": {
      const b = msg.body as { table: MetadataTable; version: number };
      return applyMetadata(ctx, env, b.table, b.version);
    }
    case "BrokerHeartbeat":
      if (ctx.durable.controller) onBrokerHeartbeat(ctx, env, msg);
      return;
    case "AlterPartition":
      if (ctx.durable.controller) onAlterPartition(ctx, env, msg);
      return;
  }
}

export function hostBehavior(id: string, plan: LogPlan, variant: string): Behavior<HostDurable, HostVolatile> {
  const env: HostEnv = { plan, dedupe: variant !== "no-idempotence", fenceEpochs: variant !== "no-fencing" };
  const mine = Object.keys(plan.assignment).filter((p) => plan.assignment[p].replicas.includes(id));
  return {
    initDurable: () => ({ boots: 0, replicas: Object.fromEntries(mine.map((p) => [p, replicaInit()])) }),
    initVolatile: () => ({ rpc: rpcInit(), token: 0, meta: {}, metaVersion: 0, lead: {}, follow: {}, nextSession: 1, verified: {}, hwSeen: {} }),
    onStart(ctx) {
      ctx.durable.boots++;
      ctx.volatile.rpc = rpcInit(ctx.durable.boots);
      ctx.volatile.token = ctx.durable.boots * 1000 + ctx.rng.int(1000);
      for (const p of mine) rebuild(ctx.durable.replicas[p]);
      if (id === plan.controller) controllerStart(ctx, env);
      heartbeat(ctx, env);
    },
    onMessage(ctx, msg) {
      const r = takeReply(ctx, msg);
      if (r) return onResponse(ctx, env, r.tag, r.body);
      onRequest(ctx, env, msg);
    },
    onTimer(ctx, name, data) {
      if (name === "rpc.timeout") {
        const r = takeTimeout(ctx, data as number);
        if (r) onResponse(ctx, env, r.tag, r.body);
      } else if (name === "hb") heartbeat(ctx, env);
      else if (name === "ctl.tick") onControllerTick(ctx, env);
      else if (name === "fetch.expire") onFetchExpire(ctx, env, data as { partition: string; msg: number });
      else if (name === "follower.retry") onFollowerRetry(ctx, env, data as { partition: string; session: number });
    },
  };
}


