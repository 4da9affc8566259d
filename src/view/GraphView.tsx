import { Background, Controls, MarkerType, ReactFlow, type Edge, type Node } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useMemo, useRef } from "react";
import { openMenu } from "../app/actions.ts";
import { useAppState, useController } from "../app/useStore.ts";
import { STATE_COLORS, type NodeState } from "../overlay/colors.ts";
import { nodeState } from "../overlay/colors.ts";
import FloatingEdge from "./FloatingEdge.tsx";

const EDGE_TYPES = { floating: FloatingEdge };

const FILL: Record<NodeState, string> = { up: "#ffffff", crashed: "#ffe3e3", paused: "#fff3bf", overloaded: "#ffe8cc" };

/** The same topology as a clean graph (React Flow): positions from the drawing's boxes, colours by node state. */
export default function GraphView() {
  const c = useController();
  const scenario = useAppState((s) => s.scenario);
  const statesKey = useAppState((s) => (s.view?.nodes ?? []).map((n) => `${n.id}\t${nodeState(n)}\t${n.waiting}`).join("\n"));
  const selected = useAppState((s) => s.selected);
  const wrap = useRef<HTMLDivElement>(null);

  const states = useMemo(() => {
    const m = new Map<string, { state: NodeState; waiting: number }>();
    for (const line of statesKey ? statesKey.split("\n") : []) {
      const [id, state, waiting] = line.split("\t");
      m.set(id, { state: state as NodeState, waiting: Number(waiting) });
    }
    return m;
  }, [statesKey]);

  const topo = scenario?.compiled.topology;
  const nodes: Node[] = useMemo(
    () =>
      (topo?.nodes ?? []).map((n) => {
        const st = states.get(n.id) ?? { state: "up" as NodeState, waiting: 0 };
        return {
          id: n.id,
          position: { x: n.box.x, y: n.box.y },
          data: { label: `${n.label || n.id}${st.state !== "up" ? ` (${st.state})` : ""}${st.waiting > 0 ? ` · queue ${st.waiting}` : ""}` },
          style: {
            width: Math.max(60, n.box.width),
            minHeight: Math.max(30, n.box.height),
            background: FILL[st.state],
            border: `2px solid ${st.state === "up" ? (n.id === selected ? "#1c7ed6" : "#495057") : STATE_COLORS[st.state]}`,
            fontSize: 12,
          },
          connectable: false,
        };
      }),
    [topo, states, selected],
  );
  const edges: Edge[] = useMemo(
    () =>
      (topo?.edges ?? []).map((e) => ({
        id: e.id,
        source: e.from,
        target: e.to,
        type: "floating",
        label: e.label,
        markerEnd: e.direction !== "none" ? { type: MarkerType.ArrowClosed } : undefined,
        markerStart: e.direction === "both" ? { type: MarkerType.ArrowClosed } : undefined,
      })),
    [topo],
  );

  const at = (ev: React.MouseEvent) => {
    const r = wrap.current!.getBoundingClientRect();
    return { x: ev.clientX - r.left, y: ev.clientY - r.top };
  };

  return (
    <div className="graph" ref={wrap} data-testid="graph-view">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        edgeTypes={EDGE_TYPES}
        fitView
        nodesConnectable={false}
        nodesDraggable={false}
        onNodeClick={(ev, n) => openMenu(c, at(ev).x, at(ev).y, { kind: "node", id: n.id })}
        onEdgeClick={(ev, e) => openMenu(c, at(ev).x, at(ev).y, { kind: "edge", id: e.id })}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
