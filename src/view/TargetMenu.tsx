import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { applyEdgeAction, applyNodeAction, closeMenu } from "../app/actions.ts";
import { useAppState, useController } from "../app/useStore.ts";
import { EDGE_ACTIONS, NODE_ACTIONS } from "../faults/clickFaults.ts";

/** The small menu a click on a node or an arrow opens: fault injection and inspection. */
export function TargetMenu() {
  const c = useController();
  const menu = useAppState((s) => s.menu);
  const scenario = useAppState((s) => s.scenario);
  const status = useAppState((s) => (menu?.target.kind === "node" ? s.view?.nodes.find((n) => n.id === menu.target.id)?.status : undefined));
  const at = useAppState((s) => Math.round(s.clock));
  const box = useRef<HTMLDivElement>(null);
  const [shift, setShift] = useState({ x: 0, y: 0 });

  // Keep the menu inside the view: flip it left of / above the click when it would overflow.
  useLayoutEffect(() => {
    const el = box.current;
    const parent = el?.parentElement;
    if (!el || !parent || !menu) return;
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    const x = menu.x + 6 + w > parent.clientWidth ? -w - 12 : 0;
    const y = menu.y + 6 + h > parent.clientHeight ? Math.max(-menu.y, -h - 12) : 0;
    setShift((s) => (s.x === x && s.y === y ? s : { x, y }));
  }, [menu]);

  useEffect(() => {
    if (!menu) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && closeMenu(c);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [c, menu]);

  if (!menu || !scenario) return null;
  const { target } = menu;
  const topo = scenario.compiled.topology;
  const node = target.kind === "node" ? topo.nodes.find((n) => n.id === target.id) : undefined;
  const edge = target.kind === "edge" ? topo.edges.find((e) => e.id === target.id) : undefined;
  const title = node ? `${node.label || node.id}` : edge ? `${edge.from} → ${edge.to}` : target.id;
  const sub = node ? `${node.id} · ${node.role}${status ? ` · ${status}` : ""}` : edge?.label ?? "link";
  const idle = node ? scenario.guide.idle.includes(node.id) : false;
  return (
    <div className="menu" role="menu" aria-label={`Actions for ${title}`} ref={box} style={{ left: menu.x + 6 + shift.x, top: menu.y + 6 + shift.y }} data-testid="target-menu">
      <div className="menu-title">{title}</div>
      <div className="menu-sub">
        {sub} · at {at} ms
      </div>
      {idle && (
        <div className="menu-idle" data-testid="menu-idle">
          Idle: this design gives the node no behaviour, so a fault here changes nothing.
        </div>
      )}
      {node &&
        NODE_ACTIONS.map((a) => (
          <button
            key={a.action}
            role="menuitem"
            type="button"
            title={a.hint}
            disabled={idle && a.action !== "inspect"}
            data-testid={`menu-${a.action}`}
            onClick={() => applyNodeAction(c, a.action, node.id)}
          >
            {a.label}
          </button>
        ))}
      {edge &&
        EDGE_ACTIONS.map((a) => (
          <button key={a.action} role="menuitem" type="button" title={a.hint} data-testid={`menu-${a.action}`} onClick={() => applyEdgeAction(c, a.action, edge.id)}>
            {a.label}
          </button>
        ))}
      <button type="button" className="menu-close" onClick={() => closeMenu(c)} aria-label="Close menu" title="Close (Esc)">
        ✕
      </button>
    </div>
  );
}
