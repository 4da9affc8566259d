import type { Behavior } from "../../../kernel/behavior.ts";
import { metaInit, onMetadata } from "../client/metadata.ts";
import { senderInit, onResendTimer } from "../client/sender.ts";
import { checkEpoch, coordLogInit, coordLogResponse, onLoadTimer, startLoad, type CoordDurable, type CoordLogHooks } from "../coordinatorLog.ts";
import type { LogPlan } from "../plan.ts";
import { rpcInit, type Tag, takeReply, takeTimeout } from "../rpc.ts";
import { TXN_STATE_TOPIC, partitionName } from "../wire.ts";
import { onTcRequest, onWritten } from "./coordinator.ts";
import { checkTimeouts, onLoaded, onMarkerResponse, onMarkerRetry } from "./markers.ts";
import { PID_BASE, type TcCtx, type TcEnv, type TcVolatile } from "./state.ts";

/** The transaction coordinator node: follows `__transaction_state`'s leader, serves the transaction APIs. */
export function txnCoordinatorBehavior(plan: LogPlan, variant: string): Behavior<CoordDurable, TcVolatile> {
  const env: TcEnv = { plan, recoverMarkers: variant !== "no-marker-recovery" };
  const hooks: CoordLogHooks = {
    loaded: (ctx, entries) => onLoaded(ctx as TcCtx, env, entries),
    written: (ctx, rec) => onWritten(ctx as TcCtx, env, rec.id),
  };
  const onResponse = (ctx: TcCtx, tag: Tag, body: any) => {
    if (tag.kind === "meta") return onMetadata(ctx, body);
    if (tag.kind === "marker") return onMarkerResponse(ctx, env, tag, body);
    coordLogResponse(ctx, plan, tag, body, hooks);
  };
  return {
    initDurable: () => ({ boots: 0, loads: 0 }),
    initVolatile: () => ({
      rpc: rpcInit(),
      meta: metaInit(plan),
      send: senderInit(),
      clog: coordLogInit(partitionName(TXN_STATE_TOPIC, 0), 1),
      txns: {},
      busy: {},
      acked: {},
      retrying: {},
      conts: {},
      maxPid: PID_BASE,
    }),
    onStart(ctx) {
      ctx.durable.boots++;
      ctx.volatile.rpc = rpcInit(ctx.durable.boots);
      startLoad(ctx, plan);
      ctx.setTimer(100, "tick");
    },
    onMessage(ctx, msg) {
      const r = takeReply(ctx, msg);
      if (r) return onResponse(ctx, r.tag, r.body);
      onTcRequest(ctx, env, msg);
    },
    onTimer(ctx, name, data: any) {
      if (name === "rpc.timeout") {
        const r = takeTimeout(ctx, data);
        if (r) onResponse(ctx, r.tag, r.body);
      } else if (name === "tick") {
        checkEpoch(ctx, plan);
        checkTimeouts(ctx, env);
        ctx.setTimer(100, "tick");
      } else if (name === "clog.retry") onLoadTimer(ctx, plan, data);
      else if (name === "send.resend") onResendTimer(ctx as never, plan, data);
      else if (name === "marker.retry") onMarkerRetry(ctx, env, data);
    },
  };
}
