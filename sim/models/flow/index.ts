import { noDuplicateDisplay, noLostMessage } from "../../check/messages.ts";
import { MessageMetrics } from "../../metrics/collector.ts";
import type { ModelDef } from "../../model.ts";
import type { Topology } from "../../topology.ts";
import { flowBehavior } from "./behavior.ts";
import { routesFor, type Routes } from "./routes.ts";

const routeCache = new WeakMap<Topology, Routes>();

/**
 * The generic flow model: runs on any drawn topology. Clients (or nodes
 * nothing points at) send messages along the arrows to a destination
 * (a client, or a node the arrows end at); every server on the way has the
 * kernel's capacity model. It is the demo model and what "open your own
 * diagram" runs.
 */
export const flowModel: ModelDef = {
  name: "flow",
  description: "messages follow the drawn arrows from clients to destinations; sources retry until acked",
  invariants: [noLostMessage, noDuplicateDisplay],
  variants: [
    { name: "no-client-dedup", description: "destinations show retried copies again", caughtBy: ["no-duplicate-display"] },
    { name: "no-retry", description: "sources never resend a message whose ack was lost", caughtBy: ["no-lost-message"] },
  ],
  workloadDefaults: { retryMs: 400 },
  behaviorFor(node, setup) {
    let routes = routeCache.get(setup.topology);
    if (!routes) routeCache.set(setup.topology, (routes = routesFor(setup.topology)));
    return flowBehavior(node.id, setup, routes);
  },
  metrics: () => new MessageMetrics(),
};
