import type { Behavior } from "../../../kernel/behavior.ts";
import { metaInit, onMetadata } from "../client/metadata.ts";
import { onResendTimer, senderInit } from "../client/sender.ts";
import { checkEpoch, coordLogInit, coordLogResponse, onLoadTimer, startLoad, type CoordDurable, type CoordLogHooks } from "../coordinatorLog.ts";
import type { LogPlan } from "../plan.ts";
import { reply, rpcInit, takeReply, takeTimeout } from "../rpc.ts";
import { OFFSETS_TOPIC, partitionName } from "../wire.ts";
import { checkSessions, onHeartbeat, onJoin, onRebalanceTimer, onSync } from "./membership.ts";
import { onGroupMarker, onGroupRecordWritten, onGroupsLoaded, onOffsetCommit, onOffsetFetch } from "./offsets.ts";
import type { GcCtx, GcEnv, GcVolatile } from "./state.ts";

/** The group coordinator node: follows `__consumer_offsets`' leader, serves the group and offset APIs. */
export function groupCoordinatorBehavior(id: string, plan: LogPlan, variant: string): Behavior<CoordDurable, GcVolatile> {
  const env: GcEnv = { plan, id, fence: variant !== "no-fencing" };
  const hooks: CoordLogHooks = {
    loaded: (ctx, entries) => onGroupsLoaded(ctx as GcCtx, env, entries),
    written: (ctx, rec) => onGroupRecordWritten(ctx as GcCtx, rec.id),
  };
  const writerPid = 2 + plan.groupCoordinators.indexOf(id);
  return {
    initDurable: () => ({ boots: 0, loads: 0 }),
    initVolatile: () => ({ rpc: rpcInit(), meta: metaInit(plan), send: senderInit(), clog: coordLogInit(partitionName(OFFSETS_TOPIC, 0), writerPid), groups: {}, conts: {}, nextMember: 1 }),
    onStart(ctx) {
      ctx.durable.boots++;
      ctx.volatile.rpc = rpcInit(ctx.durable.boots);
      startLoad(ctx, plan);
      ctx.setTimer(50, "tick");
    },
    onMessage(ctx, msg) {
      const r = takeReply(ctx, msg);
      if (r) {
        if (r.tag.kind === "meta") return onMetadata(ctx, r.body);
        coordLogResponse(ctx, plan, r.tag, r.body, hooks);
        return;
      }
      if (!/^(JoinGroup|SyncGroup|Heartbeat|OffsetCommit|TxnOffsetCommit|OffsetFetch|WriteTxnMarkers)$/.test(msg.type)) return;
      if (ctx.volatile.clog.loading) return reply(ctx, msg, { error: "COORDINATOR_LOAD_IN_PROGRESS" });
      if (msg.type === "JoinGroup") onJoin(ctx, env, msg);
      else if (msg.type === "SyncGroup") onSync(ctx, msg);
      else if (msg.type === "Heartbeat") onHeartbeat(ctx, msg);
      else if (msg.type === "OffsetFetch") onOffsetFetch(ctx, msg);
      else if (msg.type === "WriteTxnMarkers") onGroupMarker(ctx, env, msg);
      else onOffsetCommit(ctx, env, msg);
    },
    onTimer(ctx, name, data: any) {
      if (name === "rpc.timeout") {
        const r = takeTimeout(ctx, data);
        if (r && r.tag.kind === "meta") onMetadata(ctx, r.body);
        else if (r) coordLogResponse(ctx, plan, r.tag, r.body, hooks);
      } else if (name === "tick") {
        if (ctx.rng.chance(0.5)) checkEpoch(ctx, plan);
        if (!ctx.volatile.clog.loading) checkSessions(ctx, env);
        ctx.setTimer(50, "tick");
      } else if (name === "rebalance") onRebalanceTimer(ctx, env, data);
      else if (name === "clog.retry") onLoadTimer(ctx, plan, data);
      else if (name === "send.resend") onResendTimer(ctx as never, plan, data);
    },
  };
}
